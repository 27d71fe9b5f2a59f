// The sandbox ECS runtime agent against a real moto_server + gateway, through the AWS SDK.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeClustersCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  UpdateServiceCommand,
} from "@aws-sdk/client-ecs";
import { DescribeSubnetsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { startSandbox } from "../start.mjs";
import { hasMoto, clientConfig } from "../test-support.mjs";
import { getAgent, resetSandbox, resetSandboxCalls, sandboxCalls, setAgent, syncAgent, waitForAgent } from "../client.mjs";
import { failureThreshold } from "./ecs-agent.mjs";

const FAST = { paceMs: 300, tickMs: 40, crashAfterMs: 300, sweepMs: 0 };

async function waitFor(what, fn, { timeoutMs = 15_000, intervalMs = 60 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

describe("failureThreshold", () => {
  it("is half the desired count, at least 3 and at most 200", () => {
    expect(failureThreshold(1)).toBe(3);
    expect(failureThreshold(10)).toBe(5);
    expect(failureThreshold(11)).toBe(6);
    expect(failureThreshold(1000)).toBe(200);
  });
});

describe.skipIf(!hasMoto)("sandbox ECS runtime agent", () => {
  let sandbox;
  let endpoint;
  let ecs;
  let ec2;
  const cluster = "agent";

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false, agent: FAST });
    endpoint = sandbox.endpoint;
    ecs = new ECSClient(clientConfig(endpoint));
    ec2 = new EC2Client(clientConfig(endpoint));
  }, 60_000);

  afterAll(async () => {
    ecs?.destroy();
    ec2?.destroy();
    await sandbox?.stop();
  });

  beforeEach(async () => {
    await resetSandbox(endpoint);
    await setAgent(endpoint, { ...FAST, paused: false });
    await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  });

  async function register(family, image = "nginx:1.27", extra = {}) {
    const { taskDefinition } = await ecs.send(
      new RegisterTaskDefinitionCommand({
        family,
        containerDefinitions: [{ name: "app", image, essential: true, memory: 256, ...extra }],
      }),
    );
    return taskDefinition.taskDefinitionArn;
  }

  async function service(name) {
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster, services: [name] }));
    return services[0];
  }

  async function tasksOf(name, desiredStatus) {
    const { taskArns } = await ecs.send(new ListTasksCommand({ cluster, serviceName: name, desiredStatus }));
    if (!taskArns.length) return [];
    return (await ecs.send(new DescribeTasksCommand({ cluster, tasks: taskArns }))).tasks;
  }

  it("runs a service's desired count, scales it down, and never counts its own calls", async () => {
    const td = await register("web");
    await resetSandboxCalls(endpoint);
    await ecs.send(new CreateServiceCommand({ cluster, serviceName: "web", taskDefinition: "web", desiredCount: 3, launchType: "EC2" }));
    // Right after creation nothing is running yet; tasks are on their way.
    const early = await tasksOf("web");
    expect(early).toHaveLength(3);
    expect(early.every((t) => ["PROVISIONING", "PENDING"].includes(t.lastStatus) && t.desiredStatus === "RUNNING")).toBe(true);
    await waitForAgent(endpoint, { timeoutMs: 10_000 });
    // The agent read the task definition and moved the tasks; the gateway counted only this test's calls.
    expect((await sandboxCalls(endpoint)).calls).toEqual({ "ecs:CreateService": 1, "ecs:DescribeTasks": 1, "ecs:ListTasks": 1 });

    const tasks = await tasksOf("web");
    expect(tasks).toHaveLength(3);
    for (const t of tasks) {
      expect(t).toMatchObject({ lastStatus: "RUNNING", desiredStatus: "RUNNING", group: "service:web", taskDefinitionArn: td, launchType: "EC2" });
      expect(t.startedAt).toBeInstanceOf(Date);
      expect(t.startedBy).toMatch(/^ecs-svc\/\d+$/);
      expect(t.containers[0]).toMatchObject({ name: "app", image: "nginx:1.27", lastStatus: "RUNNING" });
    }
    let s = await service("web");
    expect(s).toMatchObject({ desiredCount: 3, runningCount: 3, pendingCount: 0, taskDefinition: td });
    expect(s.deployments).toHaveLength(1);
    expect(s.deployments[0]).toMatchObject({ status: "PRIMARY", rolloutState: "COMPLETED", runningCount: 3, desiredCount: 3, failedTasks: 0 });
    expect(s.deployments[0].id).toBe(tasks[0].startedBy);
    expect(s.events[0].message).toBe("(service web) has reached a steady state.");
    expect(s.events.map((e) => e.message)).toContain(`(service web) (deployment ${s.deployments[0].id}) deployment completed.`);
    expect(s.events.at(-1).message).toMatch(/^\(service web\) has started 3 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/);
    expect(s.events[0].id).toMatch(/^[0-9a-f-]{36}$/);
    // ECS' defaults for the settings moto leaves out.
    expect(s.deploymentConfiguration).toEqual({ deploymentCircuitBreaker: { enable: false, rollback: false }, maximumPercent: 200, minimumHealthyPercent: 100 });

    await ecs.send(new UpdateServiceCommand({ cluster, service: "web", desiredCount: 1 }));
    await waitForAgent(endpoint);
    s = await service("web");
    expect(s).toMatchObject({ desiredCount: 1, runningCount: 1, pendingCount: 0 });
    expect(s.deployments).toHaveLength(1); // a desired-count change is no deployment
    expect(s.events.map((e) => e.message)).toContainEqual(expect.stringMatching(/^\(service web\) has stopped 2 running tasks: \(task \w+\) \(task \w+\)\.$/));
    const stopped = await tasksOf("web", "STOPPED");
    expect(stopped).toHaveLength(2);
    for (const t of stopped) {
      expect(t).toMatchObject({ lastStatus: "STOPPED", desiredStatus: "STOPPED", stopCode: "ServiceSchedulerInitiated" });
      expect(t.stoppedReason).toBe(`Scaling activity initiated by (deployment ${s.deployments[0].id})`);
      expect(t.stoppedAt).toBeInstanceOf(Date);
    }
    expect(await tasksOf("web")).toHaveLength(1);

    // The cluster's own counts follow what runs (moto counts nothing).
    const { clusters } = await ecs.send(new DescribeClustersCommand({ clusters: [cluster] }));
    expect(clusters[0]).toMatchObject({ runningTasksCount: 1, pendingTasksCount: 0, activeServicesCount: 1 });
  });

  it("rolls a new revision out within minimumHealthyPercent / maximumPercent, then the old deployment disappears", async () => {
    const v1 = await register("api");
    await ecs.send(
      new CreateServiceCommand({
        cluster,
        serviceName: "api",
        taskDefinition: v1,
        desiredCount: 4,
        deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 150 },
        healthCheckGracePeriodSeconds: 30,
        enableExecuteCommand: true,
      }),
    );
    await waitForAgent(endpoint);
    const v2 = await register("api", "nginx:1.28");
    const { service: updated } = await ecs.send(new UpdateServiceCommand({ cluster, service: "api", taskDefinition: "api" }));
    expect(updated.taskDefinition).toBe(v2); // moto answers "api"; ECS answers the ARN
    expect(updated.deployments.map((d) => [d.status, d.taskDefinition, d.rolloutState])).toEqual([
      ["PRIMARY", v2, "IN_PROGRESS"],
      ["ACTIVE", v1, "COMPLETED"],
    ]);

    // Sample the rollout: never more than 150% (6) tasks asked to run, never fewer than 50% (2) running.
    let sawBoth = false;
    await waitFor("the rollout to complete", async () => {
      const s = await service("api");
      const live = s.deployments.reduce((n, d) => n + d.runningCount + d.pendingCount, 0);
      expect(live).toBeLessThanOrEqual(6);
      expect(s.runningCount).toBeGreaterThanOrEqual(2);
      if (s.deployments.length === 2 && s.deployments[0].runningCount > 0) sawBoth = true;
      return s.deployments.length === 1 && s.deployments[0].rolloutState === "COMPLETED" && s.runningCount === 4;
    }, { intervalMs: 20 });
    expect(sawBoth).toBe(true);
    const s = await service("api");
    expect(s.deployments[0]).toMatchObject({ taskDefinition: v2, status: "PRIMARY", runningCount: 4 });
    expect(s).toMatchObject({
      taskDefinition: v2,
      healthCheckGracePeriodSeconds: 30,
      enableExecuteCommand: true,
      deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 150, deploymentCircuitBreaker: { enable: false, rollback: false } },
    });
    const running = await tasksOf("api");
    expect(running.map((t) => t.taskDefinitionArn)).toEqual([v2, v2, v2, v2]);
    expect((await tasksOf("api", "STOPPED")).map((t) => t.taskDefinitionArn)).toEqual([v1, v1, v1, v1]);

    // forceNewDeployment: a new deployment of the same revision.
    const { service: forced } = await ecs.send(new UpdateServiceCommand({ cluster, service: "api", forceNewDeployment: true }));
    expect(forced.deployments).toHaveLength(2);
    expect(forced.deployments[0].taskDefinition).toBe(v2);
    expect(forced.deployments[0].id).not.toBe(s.deployments[0].id);
    await waitForAgent(endpoint);
    expect((await service("api")).deployments).toHaveLength(1);
  });

  it("a crashing image stops with exit code 1 and is replaced; the circuit breaker fails the deployment and rolls back", async () => {
    const good = await register("pay");
    await ecs.send(
      new CreateServiceCommand({
        cluster,
        serviceName: "pay",
        taskDefinition: good,
        desiredCount: 2,
        deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true }, minimumHealthyPercent: 100, maximumPercent: 200 },
      }),
    );
    await waitForAgent(endpoint);
    const bad = await register("pay", "example/crash-on-start:1");
    // A slower pace keeps the failed deployment listed (while its last tasks stop) long enough to be seen.
    await setAgent(endpoint, { paceMs: 1200 });
    await ecs.send(new UpdateServiceCommand({ cluster, service: "pay", taskDefinition: bad }));
    const failedDeployment = (await service("pay")).deployments[0].id;
    const rollingBack = await waitFor("the rollback deployment", async () => {
      const s = await service("pay");
      return s.deployments[0].id !== failedDeployment ? s : null;
    });
    // The rollback deployment, the failed one, and (until the rollback's tasks run) the original.
    const shown = rollingBack.deployments.map((d) => [d.status, d.rolloutState, d.taskDefinition]);
    expect(shown.slice(0, 2)).toEqual([
      ["PRIMARY", "IN_PROGRESS", good],
      ["ACTIVE", "FAILED", bad],
    ]);
    expect(shown.slice(2)).toEqual(shown.length === 3 ? [["ACTIVE", "COMPLETED", good]] : []);
    expect(rollingBack.deployments[0].rolloutStateReason).toMatch(/^ECS deployment circuit breaker: rolling back to deploymentId ecs-svc\/\d+\.$/);
    expect(rollingBack.deployments[0].taskDefinition).toBe(good);

    const s = await waitFor("the rollback to complete", async () => {
      const s = await service("pay");
      return s.deployments.length === 1 && s.deployments[0].taskDefinition === good && s.deployments[0].rolloutState === "COMPLETED" ? s : null;
    }, { timeoutMs: 30_000 });
    const messages = s.events.map((e) => e.message);
    expect(messages).toContain(`(service pay) (deployment ${failedDeployment}) deployment failed: tasks failed to start.`);
    expect(messages.some((m) => m.startsWith(`(service pay) (deployment ${failedDeployment}) rolling back to deployment `))).toBe(true);
    expect(s.deployments[0].rolloutStateReason).toBe(`ECS deployment ${s.deployments[0].id} completed.`);
    expect(s).toMatchObject({ taskDefinition: good, runningCount: 2 });
    // The old tasks kept running through it all (minimumHealthyPercent 100).
    const crashed = (await tasksOf("pay", "STOPPED")).filter((t) => t.taskDefinitionArn === bad);
    expect(crashed.length).toBeGreaterThanOrEqual(failureThreshold(2));
    for (const t of crashed) {
      expect(t).toMatchObject({ stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited", lastStatus: "STOPPED" });
      expect(t.containers[0].exitCode).toBe(1);
      expect(t.startedAt).toBeInstanceOf(Date);
    }
  });

  it("without a circuit breaker a crashing service keeps replacing its tasks", async () => {
    const bad = await register("loop", "crash");
    await ecs.send(new CreateServiceCommand({ cluster, serviceName: "loop", taskDefinition: bad, desiredCount: 1 }));
    const s = await waitFor("three failed tasks", async () => {
      const s = await service("loop");
      return s.deployments[0].failedTasks >= 3 ? s : null;
    });
    expect(s.deployments[0].rolloutState).toBe("IN_PROGRESS");
    expect(s.events.map((e) => e.message)).toContain(
      "(service loop) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.",
    );
    expect((await tasksOf("loop", "STOPPED")).length).toBeGreaterThanOrEqual(2);
    expect((await getAgent(endpoint)).settled).toBe(false);
  });

  it("a circuit breaker without rollback leaves the first deployment FAILED and stops launching", async () => {
    const bad = await register("norb", "crash");
    await ecs.send(
      new CreateServiceCommand({
        cluster,
        serviceName: "norb",
        taskDefinition: bad,
        desiredCount: 1,
        deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } },
      }),
    );
    const s = await waitFor("FAILED", async () => {
      const s = await service("norb");
      return s.deployments[0].rolloutState === "FAILED" ? s : null;
    });
    expect(s.deployments[0]).toMatchObject({ failedTasks: 3, rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start." });
    await waitForAgent(endpoint);
    expect(await tasksOf("norb")).toHaveLength(0);
  });

  it("StopTask by a user stops the task with its reason and the service replaces it", async () => {
    await register("stop");
    await ecs.send(new CreateServiceCommand({ cluster, serviceName: "stop", taskDefinition: "stop", desiredCount: 2 }));
    await waitForAgent(endpoint);
    const [victim] = await tasksOf("stop");
    const { task } = await ecs.send(new StopTaskCommand({ cluster, task: victim.taskArn, reason: "testing a stop" }));
    expect(task).toMatchObject({ desiredStatus: "STOPPED", stopCode: "UserInitiated", stoppedReason: "testing a stop" });
    expect(task.lastStatus).not.toBe("STOPPED");
    await waitForAgent(endpoint);
    const running = await tasksOf("stop");
    expect(running).toHaveLength(2);
    expect(running.map((t) => t.taskArn)).not.toContain(victim.taskArn);
    const [gone] = (await ecs.send(new DescribeTasksCommand({ cluster, tasks: [victim.taskId ?? victim.taskArn.split("/").pop()] }))).tasks;
    expect(gone).toMatchObject({ lastStatus: "STOPPED", stopCode: "UserInitiated", stoppedReason: "testing a stop" });
    await expect(ecs.send(new StopTaskCommand({ cluster, task: "0123456789abcdef0123456789abcdef" }))).rejects.toMatchObject({
      name: "InvalidParameterException",
    });
  });

  it("RunTask: awsvpc tasks get an ENI in their subnet; crash images exit 1, `exit 0` commands exit 0; others run until stopped", async () => {
    const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "default-for-az", Values: ["true"] }] }));
    const subnet = Subnets[0];
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: "job",
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        cpu: "256",
        memory: "512",
        containerDefinitions: [{ name: "job", image: "busybox", healthCheck: { command: ["CMD-SHELL", "true"] } }],
      }),
    );
    const net = { awsvpcConfiguration: { subnets: [subnet.SubnetId], securityGroups: [] } };
    await expect(ecs.send(new RunTaskCommand({ cluster, taskDefinition: "job", launchType: "FARGATE" }))).rejects.toMatchObject({
      name: "InvalidParameterException",
      message: "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    });
    await expect(ecs.send(new RunTaskCommand({ cluster: "nope", taskDefinition: "job", launchType: "FARGATE", networkConfiguration: net }))).rejects.toMatchObject({
      name: "ClusterNotFoundException",
    });
    const { tasks } = await ecs.send(
      new RunTaskCommand({
        cluster,
        taskDefinition: "job",
        launchType: "FARGATE",
        count: 2,
        startedBy: "me",
        networkConfiguration: net,
        overrides: { containerOverrides: [{ name: "job", command: ["echo", "bye"] }] },
      }),
    );
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toMatchObject({ lastStatus: "PROVISIONING", desiredStatus: "RUNNING", startedBy: "me", group: "family:job", launchType: "FARGATE" });
    expect(tasks[0].overrides.containerOverrides).toEqual([{ name: "job", command: ["echo", "bye"] }]);
    await waitForAgent(endpoint);
    const [t] = (await ecs.send(new DescribeTasksCommand({ cluster, tasks: [tasks[0].taskArn] }))).tasks;
    expect(t).toMatchObject({ lastStatus: "RUNNING", connectivity: "CONNECTED", availabilityZone: subnet.AvailabilityZone, platformVersion: "1.4.0" });
    const details = Object.fromEntries(t.attachments[0].details.map((d) => [d.name, d.value]));
    expect(t.attachments[0]).toMatchObject({ type: "ElasticNetworkInterface", status: "ATTACHED" });
    expect(details.subnetId).toBe(subnet.SubnetId);
    expect(details.networkInterfaceId).toMatch(/^eni-[0-9a-f]{17}$/);
    const prefix = subnet.CidrBlock.split(".").slice(0, 2).join(".");
    expect(details.privateIPv4Address.startsWith(prefix + ".")).toBe(true);
    expect(t.containers[0].networkInterfaces[0].privateIpv4Address).toBe(details.privateIPv4Address);
    await waitFor("a healthy container", async () => {
      const [x] = (await ecs.send(new DescribeTasksCommand({ cluster, tasks: [tasks[0].taskArn] }))).tasks;
      return x.healthStatus === "HEALTHY" && x.containers[0].healthStatus === "HEALTHY";
    });

    // Exits by itself.
    const crash = await register("crashjob", "acme/crash");
    const zero = await register("zerojob", "busybox", { command: ["sh", "-c", "echo done; exit 0"] });
    const [c] = (await ecs.send(new RunTaskCommand({ cluster, taskDefinition: crash }))).tasks;
    const [z] = (await ecs.send(new RunTaskCommand({ cluster, taskDefinition: zero }))).tasks;
    await waitFor("both to stop", async () => {
      const { tasks: xs } = await ecs.send(new DescribeTasksCommand({ cluster, tasks: [c.taskArn, z.taskArn] }));
      return xs.every((x) => x.lastStatus === "STOPPED");
    });
    const { tasks: done } = await ecs.send(new DescribeTasksCommand({ cluster, tasks: [c.taskArn, z.taskArn] }));
    expect(done.map((x) => [x.containers[0].exitCode, x.stopCode])).toEqual([
      [1, "EssentialContainerExited"],
      [0, "EssentialContainerExited"],
    ]);
    // ListTasks lists RUNNING unless asked otherwise.
    const { taskArns: runningArns } = await ecs.send(new ListTasksCommand({ cluster }));
    expect(runningArns.sort()).toEqual(tasks.map((x) => x.taskArn).sort());
    const { taskArns: stoppedArns } = await ecs.send(new ListTasksCommand({ cluster, desiredStatus: "STOPPED" }));
    expect(stoppedArns.sort()).toEqual([c.taskArn, z.taskArn].sort());
  });

  it("ListTasks: exact cluster, service and family filters, pages of at most 100", async () => {
    await ecs.send(new CreateClusterCommand({ clusterName: `${cluster}-prod` }));
    await register("many");
    await ecs.send(new CreateServiceCommand({ cluster, serviceName: "many", taskDefinition: "many", desiredCount: 7 }));
    await ecs.send(new CreateServiceCommand({ cluster: `${cluster}-prod`, serviceName: "many", taskDefinition: "many", desiredCount: 2 }));
    await ecs.send(new CreateServiceCommand({ cluster, serviceName: "other", taskDefinition: "many", desiredCount: 1 }));
    const all = (await ecs.send(new ListTasksCommand({ cluster }))).taskArns;
    expect(all).toHaveLength(8);
    expect(all.every((a) => a.includes(`:task/${cluster}/`))).toBe(true);
    expect((await ecs.send(new ListTasksCommand({ cluster, serviceName: "many" }))).taskArns).toHaveLength(7);
    expect((await ecs.send(new ListTasksCommand({ cluster, family: "many" }))).taskArns).toHaveLength(8);
    const p1 = await ecs.send(new ListTasksCommand({ cluster, serviceName: "many", maxResults: 5 }));
    expect(p1.taskArns).toHaveLength(5);
    const p2 = await ecs.send(new ListTasksCommand({ cluster, serviceName: "many", maxResults: 5, nextToken: p1.nextToken }));
    expect(p2.taskArns).toHaveLength(2);
    expect(p2.nextToken).toBeUndefined();
    expect(new Set([...p1.taskArns, ...p2.taskArns]).size).toBe(7);
    await expect(ecs.send(new ListTasksCommand({ cluster: "missing" }))).rejects.toMatchObject({ name: "ClusterNotFoundException" });
  });

  it("DeleteService drains its tasks; pause holds every task where it is; reset forgets everything", async () => {
    await register("gone");
    await ecs.send(new CreateServiceCommand({ cluster, serviceName: "gone", taskDefinition: "gone", desiredCount: 2 }));
    await waitForAgent(endpoint);
    await ecs.send(new UpdateServiceCommand({ cluster, service: "gone", desiredCount: 0 }));
    const { service: deleted } = await ecs.send(new DeleteServiceCommand({ cluster, service: "gone" }));
    expect(deleted.status).toBe("DRAINING");
    await waitForAgent(endpoint);
    expect(await tasksOf("gone")).toHaveLength(0);
    expect(await tasksOf("gone", "STOPPED")).toHaveLength(2);

    await setAgent(endpoint, { paused: true });
    await ecs.send(new CreateServiceCommand({ cluster, serviceName: "held", taskDefinition: "gone", desiredCount: 1 }));
    await new Promise((r) => setTimeout(r, 500));
    expect((await service("held")).runningCount).toBe(0);
    const state = await setAgent(endpoint, { paused: false });
    expect(state.paused).toBe(false);
    await waitForAgent(endpoint);
    expect((await service("held")).runningCount).toBe(1);
    await expect(setAgent(endpoint, { paceMs: -1 })).rejects.toThrow(/paceMs/);

    await setAgent(endpoint, { paused: true, paceMs: 999 });
    await resetSandbox(endpoint);
    // Reset forgets every task and service and goes back to the settings the sandbox started with.
    expect(await getAgent(endpoint)).toMatchObject({ services: 0, tasks: 0, paused: false, paceMs: FAST.paceMs });
  });

  it("finds services created straight in moto (a seeded fleet) on its sweep", async () => {
    await register("seeded");
    const motoEcs = new ECSClient(clientConfig(sandbox.motoUrl));
    try {
      await motoEcs.send(new CreateServiceCommand({ cluster, serviceName: "seeded", taskDefinition: "seeded", desiredCount: 2 }));
    } finally {
      motoEcs.destroy();
    }
    expect((await getAgent(endpoint)).services).toBe(0);
    expect((await syncAgent(endpoint)).services).toBe(1);
    await waitForAgent(endpoint);
    expect(await tasksOf("seeded")).toHaveLength(2);

    // Changes made straight in moto show on the next DescribeServices through the gateway.
    const v2 = await register("seeded", "nginx:1.28");
    const direct = new ECSClient(clientConfig(sandbox.motoUrl));
    try {
      await direct.send(new UpdateServiceCommand({ cluster, service: "seeded", taskDefinition: v2, desiredCount: 3 }));
    } finally {
      direct.destroy();
    }
    const s = await service("seeded");
    expect(s.deployments.map((d) => [d.status, d.taskDefinition.split("/").pop(), d.desiredCount])).toEqual([
      ["PRIMARY", "seeded:2", 3],
      ["ACTIVE", "seeded:1", 2],
    ]);
    await waitForAgent(endpoint);
    expect((await tasksOf("seeded")).map((t) => t.taskDefinitionArn)).toEqual([v2, v2, v2]);
    // A describe of the unchanged service is no new deployment.
    expect((await service("seeded")).deployments).toHaveLength(1);
  });
});
