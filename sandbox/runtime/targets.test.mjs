// Service tasks registered with their target groups by the runtime agent, health from the task's state.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CreateClusterCommand, CreateServiceCommand, DescribeTasksCommand, ECSClient, ListTasksCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { CreateSecurityGroupCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { startSandbox } from "../start.mjs";
import { hasMoto, clientConfig } from "../test-support.mjs";
import { resetSandbox, setAgent, waitForAgent } from "../client.mjs";
import { sandboxInstanceId, targetsOf } from "./targets.mjs";

const FAST = { paceMs: 600, tickMs: 40, crashAfterMs: 300, sweepMs: 0 };

async function waitFor(what, fn, { timeoutMs = 15_000, intervalMs = 50 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

describe("targetsOf", () => {
  const service = { loadBalancers: [{ targetGroupArn: "tg-a", containerName: "web", containerPort: 8080 }] };
  it("registers awsvpc tasks by private IP on the container port", () => {
    expect(targetsOf({ service, td: { networkMode: "awsvpc" }, eni: { privateIp: "172.31.3.4" } })).toEqual([{ targetGroupArn: "tg-a", id: "172.31.3.4", port: 8080 }]);
  });
  it("registers bridge tasks by instance and host port, each task on an instance of its own", () => {
    const task = { service, td: { networkMode: "bridge" }, taskArn: "arn:task/1" };
    const [t] = targetsOf(task, { hostPort: () => 32768 });
    expect(t).toEqual({ targetGroupArn: "tg-a", id: sandboxInstanceId("arn:task/1"), port: 32768 });
    expect(t.id).toMatch(/^i-[0-9a-f]{17}$/);
    expect(sandboxInstanceId("arn:task/2")).not.toBe(t.id);
  });
  it("has no targets without load balancers", () => {
    expect(targetsOf({ service: { loadBalancers: [] }, td: { networkMode: "awsvpc" }, eni: { privateIp: "10.0.0.1" } })).toEqual([]);
  });
});

describe.skipIf(!hasMoto)("load balancer targets of service tasks", () => {
  let sandbox;
  let ecs;
  let ec2;
  let elb;
  const cluster = "lb";

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false, agent: FAST, env: { MOTO_IAM_LOAD_MANAGED_POLICIES: "false" } });
    ecs = new ECSClient(clientConfig(sandbox.endpoint));
    ec2 = new EC2Client(clientConfig(sandbox.endpoint));
    elb = new ElasticLoadBalancingV2Client(clientConfig(sandbox.endpoint));
  }, 60_000);

  afterAll(async () => {
    for (const c of [ecs, ec2, elb]) c?.destroy();
    await sandbox?.stop();
  });

  beforeEach(async () => {
    await resetSandbox(sandbox.endpoint);
    await setAgent(sandbox.endpoint, { ...FAST, paused: false });
    await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  });

  async function albAndGroup(targetType, port) {
    const vpc = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }))).Vpcs[0].VpcId;
    const subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [vpc] }] }))).Subnets.map((s) => s.SubnetId).slice(0, 2);
    const sg = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: `alb-${targetType}`, Description: "alb", VpcId: vpc }))).GroupId;
    const lb = (await elb.send(new CreateLoadBalancerCommand({ Name: `alb-${targetType}`, Subnets: subnets, SecurityGroups: [sg] }))).LoadBalancers[0];
    const tg = (await elb.send(new CreateTargetGroupCommand({ Name: `tg-${targetType}`, Protocol: "HTTP", Port: port, VpcId: vpc, TargetType: targetType }))).TargetGroups[0];
    await elb.send(new CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: tg.TargetGroupArn }] }));
    return { tg: tg.TargetGroupArn, subnets, sg };
  }

  const health = async (tg) => (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg }))).TargetHealthDescriptions;
  const running = async (name) => {
    const { taskArns } = await ecs.send(new ListTasksCommand({ cluster, serviceName: name }));
    return taskArns.length ? (await ecs.send(new DescribeTasksCommand({ cluster, tasks: taskArns }))).tasks : [];
  };

  it("awsvpc: each task is an ip target, initial → healthy once RUNNING, draining when stopped, then deregistered", async () => {
    const { tg, subnets, sg } = await albAndGroup("ip", 8080);
    await ecs.send(new RegisterTaskDefinitionCommand({
      family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
      containerDefinitions: [{ name: "web", image: "nginx", essential: true, portMappings: [{ containerPort: 8080 }] }],
    }));
    expect(await health(tg)).toEqual([]);
    await ecs.send(new CreateServiceCommand({
      cluster, serviceName: "web", taskDefinition: "web", desiredCount: 2, launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets, securityGroups: [sg] } },
      loadBalancers: [{ targetGroupArn: tg, containerName: "web", containerPort: 8080 }],
    }));
    // Registered while the tasks start: initial.
    const initial = await waitFor("targets registered", async () => ((await health(tg)).length === 2 ? health(tg) : null));
    expect(initial.map((d) => d.TargetHealth.State)).toEqual(["initial", "initial"]);
    expect(initial[0].TargetHealth).toMatchObject({ Reason: "Elb.RegistrationInProgress" });
    await waitForAgent(sandbox.endpoint, { timeoutMs: 10_000 });
    const tasks = await running("web");
    const ips = tasks.map((t) => t.attachments[0].details.find((d) => d.name === "privateIPv4Address").value).sort();
    const healthy = await health(tg);
    expect(healthy.map((d) => [d.Target.Id, d.Target.Port, d.TargetHealth.State]).sort()).toEqual(ips.map((ip) => [ip, 8080, "healthy"]));

    // Scale in: the stopped task drains, then is gone.
    await ecs.send(new UpdateServiceCommand({ cluster, service: "web", desiredCount: 1 }));
    const draining = await waitFor("a draining target", async () => {
      const h = await health(tg);
      return h.some((d) => d.TargetHealth.State === "draining") ? h : null;
    });
    expect(draining.find((d) => d.TargetHealth.State === "draining").TargetHealth).toMatchObject({ Reason: "Target.DeregistrationInProgress" });
    await waitForAgent(sandbox.endpoint, { timeoutMs: 10_000 });
    const after = await waitFor("one target left", async () => ((await health(tg)).length === 1 ? health(tg) : null));
    const [left] = await running("web");
    expect(after[0]).toMatchObject({ Target: { Id: left.attachments[0].details.find((d) => d.name === "privateIPv4Address").value, Port: 8080 }, TargetHealth: { State: "healthy" } });
  });

  it("bridge: tasks register as instance:host port (fixed or dynamic)", async () => {
    const { tg } = await albAndGroup("instance", 80);
    await ecs.send(new RegisterTaskDefinitionCommand({
      family: "legacy", networkMode: "bridge",
      containerDefinitions: [{ name: "app", image: "nginx", essential: true, memory: 128, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
    }));
    await ecs.send(new CreateServiceCommand({
      cluster, serviceName: "legacy", taskDefinition: "legacy", desiredCount: 2, launchType: "EC2",
      loadBalancers: [{ targetGroupArn: tg, containerName: "app", containerPort: 80 }],
    }));
    await waitForAgent(sandbox.endpoint, { timeoutMs: 10_000 });
    const h = await waitFor("two healthy targets", async () => {
      const x = await health(tg);
      return x.length === 2 && x.every((d) => d.TargetHealth.State === "healthy") ? x : null;
    });
    for (const d of h) {
      expect(d.Target.Id).toMatch(/^i-[0-9a-f]{17}$/);
      expect(d.Target.Port).toBeGreaterThanOrEqual(32768);
    }
    expect(new Set(h.map((d) => d.Target.Port)).size).toBe(2);
  });
});
