import { DescribeScalableTargetsCommand } from "@aws-sdk/client-application-auto-scaling";
import { DescribeTasksCommand, ListTasksCommand, type Service, type Task } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import {
  describeTasksBatched,
  listServiceTaskArns,
  orderTasks,
  readServiceScaling,
  readServiceTasks,
  toLiveServiceState,
  toLiveTask,
  toLiveTaskDetail,
} from "./live";

/** A fake SDK client: answers per command, records what was sent. */
function fakeClient(answer: (command: { input: Record<string, unknown> }) => unknown) {
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  return {
    sent,
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      sent.push({ name: command.constructor.name, input: command.input });
      return answer(command);
    },
  };
}

const arn = (id: string) => `arn:aws:ecs:us-east-1:123456789012:task/web/${id}`;
const ids = (n: number, prefix = "t") => Array.from({ length: n }, (_, i) => arn(`${prefix}${i}`));

describe("describeTasksBatched", () => {
  it("asks for at most 100 tasks per call and returns all of them", async () => {
    const client = fakeClient((c) => ({ tasks: (c.input.tasks as string[]).map((taskArn) => ({ taskArn })) }));
    const tasks = await describeTasksBatched(client as never, "web", ids(250));
    expect(client.sent.map((s) => [s.name, (s.input.tasks as string[]).length, s.input.cluster])).toEqual([
      ["DescribeTasksCommand", 100, "web"],
      ["DescribeTasksCommand", 100, "web"],
      ["DescribeTasksCommand", 50, "web"],
    ]);
    expect(tasks.map((t) => t.taskArn)).toEqual(ids(250));
  });

  it("makes no call for no tasks and asks once for a task listed twice", async () => {
    const client = fakeClient((c) => ({ tasks: (c.input.tasks as string[]).map((taskArn) => ({ taskArn })) }));
    expect(await describeTasksBatched(client as never, "web", [])).toEqual([]);
    expect(client.sent).toHaveLength(0);
    await describeTasksBatched(client as never, "web", [arn("a"), arn("a")]);
    expect(client.sent[0]!.input.tasks).toEqual([arn("a")]);
  });
});

describe("listServiceTaskArns", () => {
  it("follows every page at 100 per page, and stops at the limit", async () => {
    const pages: Record<string, { taskArns: string[]; nextToken?: string }> = {
      start: { taskArns: ids(100, "a"), nextToken: "p2" },
      p2: { taskArns: ids(100, "b"), nextToken: "p3" },
      p3: { taskArns: ids(5, "c") },
    };
    const client = fakeClient((c) => pages[(c.input.nextToken as string) ?? "start"]);
    const all = await listServiceTaskArns(client as never, "web", "api", "RUNNING");
    expect(all).toHaveLength(205);
    expect(client.sent.every((s) => s.input.maxResults === 100 && s.input.serviceName === "api" && s.input.desiredStatus === "RUNNING")).toBe(true);

    const limited = fakeClient((c) => pages[(c.input.nextToken as string) ?? "start"]);
    expect(await listServiceTaskArns(limited as never, "web", "api", "STOPPED", 100)).toHaveLength(100);
    expect(limited.sent).toHaveLength(1);
  });
});

describe("readServiceTasks", () => {
  it("lists running and stopped tasks, describes them together and keeps only this service's", async () => {
    const client = fakeClient((c) => {
      if (c instanceof ListTasksCommand) return { taskArns: c.input.desiredStatus === "RUNNING" ? [arn("r1"), arn("other")] : [arn("s1")] };
      if (c instanceof DescribeTasksCommand) {
        return {
          tasks: (c.input.tasks as string[]).map((taskArn) => ({
            taskArn,
            group: taskArn.endsWith("other") ? "family:batch" : "service:api",
            lastStatus: taskArn.endsWith("s1") ? "STOPPED" : "RUNNING",
          })),
        };
      }
      throw new Error("unexpected");
    });
    const tasks = await readServiceTasks(client as never, "web", "api");
    expect(tasks.map((t) => t.id).sort()).toEqual(["r1", "s1"]);
    expect(client.sent.filter((s) => s.name === "DescribeTasksCommand")).toHaveLength(1);
  });
});

describe("readServiceScaling", () => {
  it("reads the service's scalable target for its desired count", async () => {
    const client = fakeClient((c) => {
      expect(c).toBeInstanceOf(DescribeScalableTargetsCommand);
      return { ScalableTargets: [{ MinCapacity: 2, MaxCapacity: 8 }] };
    });
    expect(await readServiceScaling(client as never, "web", "api")).toEqual({ min: 2, max: 8 });
    expect(client.sent[0]!.input).toEqual({ ServiceNamespace: "ecs", ResourceIds: ["service/web/api"], ScalableDimension: "ecs:service:DesiredCount" });
    expect(await readServiceScaling(fakeClient(() => ({ ScalableTargets: [] })) as never, "web", "api")).toBeNull();
  });
});

const crashed: Task = {
  taskArn: arn("abc123"),
  clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/web",
  taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/api:7",
  lastStatus: "STOPPED",
  desiredStatus: "STOPPED",
  healthStatus: "UNHEALTHY",
  availabilityZone: "us-east-1b",
  group: "service:api",
  startedBy: "ecs-svc/1234",
  launchType: "FARGATE",
  createdAt: new Date("2026-11-22T05:00:00Z"),
  startedAt: new Date("2026-11-22T05:00:10Z"),
  stoppedAt: new Date("2026-11-22T05:00:20Z"),
  stopCode: "EssentialContainerExited",
  stoppedReason: "Essential container in task exited",
  attachments: [
    {
      type: "ElasticNetworkInterface",
      details: [
        { name: "subnetId", value: "subnet-1" },
        { name: "networkInterfaceId", value: "eni-9" },
        { name: "privateIPv4Address", value: "10.0.1.7" },
        { name: "macAddress", value: "0a:00" },
      ],
    },
  ],
  containers: [
    { name: "sidecar", image: "envoy", lastStatus: "STOPPED", exitCode: 0, healthStatus: "UNKNOWN" },
    { name: "web", image: "crash:1", lastStatus: "STOPPED", exitCode: 1, reason: "boom", healthStatus: "UNHEALTHY" },
  ],
};

describe("task mappers", () => {
  it("maps a stopped task with its stop code, reason, the non-zero exit code and its ENI address", () => {
    expect(toLiveTask(crashed)).toEqual({
      id: "abc123",
      arn: arn("abc123"),
      lastStatus: "STOPPED",
      desiredStatus: "STOPPED",
      health: "UNHEALTHY",
      taskDefinition: "api:7",
      az: "us-east-1b",
      privateIp: "10.0.1.7",
      group: "service:api",
      startedBy: "ecs-svc/1234",
      createdAt: "2026-11-22T05:00:00.000Z",
      startedAt: "2026-11-22T05:00:10.000Z",
      stoppedAt: "2026-11-22T05:00:20.000Z",
      stopCode: "EssentialContainerExited",
      stoppedReason: "Essential container in task exited",
      exitCode: 1,
    });
  });

  it("maps a task's containers and network interface for the task page", () => {
    const view = toLiveTaskDetail(crashed);
    expect(view.cluster).toBe("web");
    expect(view.eni).toEqual({ id: "eni-9", subnetId: "subnet-1", privateIp: "10.0.1.7", mac: "0a:00", privateDns: "" });
    expect(view.containers.map((c) => [c.name, c.image, c.exitCode, c.reason ?? null, c.health])).toEqual([
      ["sidecar", "envoy", 0, null, "UNKNOWN"],
      ["web", "crash:1", 1, "boom", "UNHEALTHY"],
    ]);
  });

  it("falls back to the container's interface address and reports no ENI for bridge tasks", () => {
    const bridge: Task = { taskArn: arn("b"), containers: [{ name: "c", networkInterfaces: [{ privateIpv4Address: "172.17.0.2" }] }] };
    expect(toLiveTask(bridge)).toMatchObject({ privateIp: "172.17.0.2", lastStatus: "UNKNOWN", exitCode: undefined });
    expect(toLiveTaskDetail(bridge).eni).toBeNull();
  });

  it("orders live tasks newest first, then stopped tasks by latest stop", () => {
    const t = (id: string, lastStatus: string, createdAt: string, stoppedAt?: string) => ({ ...toLiveTask({ taskArn: arn(id), lastStatus }), createdAt, stoppedAt });
    const ordered = orderTasks([
      t("s-old", "STOPPED", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"),
      t("r-old", "RUNNING", "2026-01-01T00:00:00Z"),
      t("s-new", "STOPPED", "2026-01-01T00:00:00Z", "2026-01-01T02:00:00Z"),
      t("p-new", "PENDING", "2026-01-01T03:00:00Z"),
    ]);
    expect(ordered.map((x) => x.id)).toEqual(["p-new", "r-old", "s-new", "s-old"]);
  });
});

describe("toLiveServiceState", () => {
  it("maps deployments (PRIMARY first), events newest first, counts and deployment settings", () => {
    const service: Service = {
      status: "ACTIVE",
      desiredCount: 2,
      runningCount: 1,
      pendingCount: 1,
      taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/api:8",
      enableExecuteCommand: true,
      healthCheckGracePeriodSeconds: 30,
      deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
      deployments: [
        { id: "ecs-svc/1", status: "ACTIVE", taskDefinition: "arn:x:task-definition/api:7", runningCount: 1, desiredCount: 0, createdAt: new Date("2026-01-01T00:00:00Z") },
        {
          id: "ecs-svc/2", status: "PRIMARY", taskDefinition: "arn:x:task-definition/api:8", desiredCount: 2, runningCount: 0, pendingCount: 1,
          failedTasks: 3, rolloutState: "IN_PROGRESS", rolloutStateReason: "ECS deployment ecs-svc/2 in progress.",
          createdAt: new Date("2026-01-01T01:00:00Z"), updatedAt: new Date("2026-01-01T01:05:00Z"),
        },
      ],
      events: [
        { id: "e1", createdAt: new Date("2026-01-01T00:00:00Z"), message: "(service api) has reached a steady state." },
        { id: "e2", createdAt: new Date("2026-01-01T02:00:00Z"), message: "(service api) has started 1 tasks." },
      ],
    };
    const state = toLiveServiceState(service, []);
    expect(state).toMatchObject({
      found: true, status: "ACTIVE", desired: 2, running: 1, pending: 1, taskDefinition: "api:8",
      config: { minimumHealthyPercent: 100, maximumPercent: 200, circuitBreaker: true, rollback: true, healthCheckGracePeriod: 30, enableExecuteCommand: true },
    });
    expect(state.deployments.map((d) => [d.id, d.status, d.taskDefinition, d.failed, d.rolloutState])).toEqual([
      ["ecs-svc/2", "PRIMARY", "api:8", 3, "IN_PROGRESS"],
      ["ecs-svc/1", "ACTIVE", "api:7", 0, ""],
    ]);
    expect(state.deployments[0]!.rolloutStateReason).toBe("ECS deployment ecs-svc/2 in progress.");
    expect(state.events.map((e) => e.id)).toEqual(["e2", "e1"]);
  });

  it("leaves the circuit breaker unknown when the endpoint reports no deployment configuration", () => {
    expect(toLiveServiceState({ status: "ACTIVE" }, []).config).toEqual({ rollback: false, enableExecuteCommand: false, circuitBreaker: undefined, minimumHealthyPercent: undefined, maximumPercent: undefined, healthCheckGracePeriod: undefined });
  });
});
