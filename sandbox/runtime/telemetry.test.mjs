// Sandbox telemetry: fake ECS tasks → awslogs lines and AWS/ECS metrics in moto, read back with the
// real SDK clients through the gateway.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CloudWatchLogsClient, DescribeLogGroupsCommand, DescribeLogStreamsCommand, FilterLogEventsCommand, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand } from "@aws-sdk/client-cloudwatch";
import { startSandbox } from "../start.mjs";
import { hasMoto, clientConfig } from "../test-support.mjs";
import { getLoad, getTelemetry, resetSandbox, sandboxCalls, seedFleet, setAgent, setLoad, setTelemetry, syncAgent, waitForAgent } from "../client.mjs";
import { ECSClient, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { createTelemetry } from "./telemetry.mjs";
import { accessLine, clfTime } from "./log-lines.mjs";
import { LoadStore, metricRound, taskUtilization } from "./metrics.mjs";

const ACCOUNT = "123456789012";
function taskDefinition({ family = "web", image = "nginx:1.27", createGroup = "true", group = "/ecs/web", worker = false } = {}) {
  return {
    family,
    revision: 3,
    taskDefinitionArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/${family}:3`,
    containerDefinitions: [
      {
        name: "app",
        image,
        essential: true,
        portMappings: worker ? [] : [{ containerPort: 80 }],
        logConfiguration: {
          logDriver: "awslogs",
          options: {
            "awslogs-group": group,
            "awslogs-region": "us-east-1",
            "awslogs-stream-prefix": "ecs",
            "awslogs-create-group": createGroup,
          },
        },
      },
      { name: "sidecar", image: "busybox", essential: false }, // no awslogs: nothing written
    ],
  };
}
let seq = 0;
function fakeTask({ cluster = "prod", service = "web", startedAt = Date.now(), crashing = false, td = taskDefinition() } = {}) {
  const taskId = `${(++seq).toString(16).padStart(8, "0")}aaaabbbbccccdddd00000000`;
  return {
    clusterArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/${cluster}`,
    clusterName: cluster,
    serviceName: service,
    taskArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:task/${cluster}/${taskId}`,
    taskId,
    group: service ? `service:${service}` : "family:web",
    startedAt,
    taskDefinition: td,
    crashing,
  };
}

describe("log lines and metric values", () => {
  it("formats access lines in Combined Log Format with a response time", () => {
    const line = accessLine(Date.UTC(2026, 10, 22, 5, 10, 0), { rand: () => 0.5 });
    expect(line).toMatch(/^10\.0\.\d+\.\d+ - - \[22\/Nov\/2026:05:10:00 \+0000\] "(GET|POST|PUT|DELETE) \/\S* HTTP\/1\.1" \d{3} \d+ "-" ".+" \d+\.\d{3}$/);
    expect(clfTime(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe("02/Jan/2026:03:04:05 +0000");
  });

  it("spreads the load over the running tasks: more tasks, lower CPU per task", () => {
    const load = { cpu: 240, memory: 0, requests: 0 };
    const flat = () => 0.5;
    const one = taskUtilization({ key: "c/s", runningTasks: 1, load, rand: flat }).cpu;
    const three = taskUtilization({ key: "c/s", runningTasks: 3, load, rand: flat }).cpu;
    const six = taskUtilization({ key: "c/s", runningTasks: 6, load, rand: flat }).cpu;
    const idle = taskUtilization({ key: "c/s", runningTasks: 3, load: undefined, rand: flat }).cpu;
    expect(one).toBe(100);
    expect(three).toBeGreaterThan(six);
    expect(three - idle).toBeCloseTo(80, 5);
    expect(idle).toBeGreaterThanOrEqual(5);
    expect(idle).toBeLessThanOrEqual(15);
  });

  it("validates the load knob and forgets a service whose load goes back to zero", () => {
    const store = new LoadStore();
    expect(() => store.set({ cluster: "c", service: "s", cpu: -1 })).toThrow(/cpu/);
    expect(() => store.set({ service: "s", cpu: 1 })).toThrow(/cluster/);
    store.set({ cluster: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/c`, service: "s", cpu: 50 });
    expect(store.get("c", `arn:aws:ecs:us-east-1:${ACCOUNT}:service/c/s`)).toMatchObject({ cpu: 50, memory: 0 });
    store.set({ cluster: "c", service: "s", memory: 10 });
    expect(store.get("c", "s")).toMatchObject({ cpu: 50, memory: 10 });
    store.set({ cluster: "c", service: "s", cpu: 0, memory: 0 });
    expect(store.list()).toEqual([]);
  });

  it("publishes service and cluster dimensions per region, and RunningTaskCount", () => {
    const tasks = [fakeTask(), fakeTask(), fakeTask({ service: "api" })];
    const rounds = metricRound(Date.now(), tasks, new LoadStore(), { rand: () => 0.5 });
    const r = rounds.get("us-east-1");
    const dims = (m) => m.Dimensions.map((d) => `${d.Name}=${d.Value}`).join(",");
    expect(r.AWS_ECS.map((m) => `${m.MetricName} ${dims(m)}`).sort()).toEqual([
      "CPUUtilization ClusterName=prod",
      "CPUUtilization ClusterName=prod,ServiceName=api",
      "CPUUtilization ClusterName=prod,ServiceName=web",
      "MemoryUtilization ClusterName=prod",
      "MemoryUtilization ClusterName=prod,ServiceName=api",
      "MemoryUtilization ClusterName=prod,ServiceName=web",
    ]);
    expect(r.ContainerInsights.find((m) => dims(m) === "ClusterName=prod,ServiceName=web").Value).toBe(2);
    expect(r.ALB).toEqual([]); // no load balancer, no ALB metric
  });

  it("publishes RequestCountPerTarget for a service behind a target group, the load's requests shared by its targets", () => {
    const tg = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/web-tg/0123456789abcdef`;
    const lb = [{ targetGroupArn: tg, containerName: "app", containerPort: 80 }];
    const tasks = [0, 1, 2, 3].map(() => ({ ...fakeTask(), loadBalancers: lb }));
    const store = new LoadStore();
    store.set({ cluster: "prod", service: "web", requests: 40 });
    const r = metricRound(Date.now(), tasks, store, { rand: () => 0.5, elapsedSec: 60, requestsPerTask: 1 }).get("us-east-1");
    expect(r.ALB).toHaveLength(1);
    expect(r.ALB[0]).toMatchObject({
      MetricName: "RequestCountPerTarget",
      Dimensions: [{ Name: "TargetGroup", Value: "targetgroup/web-tg/0123456789abcdef" }],
      Value: (1 + 40 / 4) * 60,
      Unit: "Count",
    });
  });
});

describe.skipIf(!hasMoto)("telemetry against the sandbox", () => {
  let sandbox;
  let logs;
  let cw;
  let telemetry;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false });
    logs = new CloudWatchLogsClient(clientConfig(sandbox.endpoint));
    cw = new CloudWatchClient(clientConfig(sandbox.endpoint));
  }, 60_000);
  afterAll(async () => {
    telemetry?.close();
    logs?.destroy();
    cw?.destroy();
    await sandbox?.stop();
  });
  beforeEach(async () => {
    telemetry?.close();
    await resetSandbox(sandbox.endpoint);
    telemetry = createTelemetry({ motoUrl: sandbox.motoUrl, linesPerSecond: 2, metricsIntervalMs: 0 });
  });

  it("writes startup lines, then access lines in order, to <prefix>/<container>/<taskId>, without gateway calls", async () => {
    const t0 = Date.now() - 10_000;
    const task = fakeTask({ startedAt: t0 });
    await telemetry.taskStarted(task);
    await telemetry.tick(t0 + 5_000, [task]);
    await telemetry.tick(t0 + 10_000, [task]);
    await telemetry.flush();
    expect((await sandboxCalls(sandbox.endpoint)).total).toBe(0); // straight to moto, not counted

    const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: "/ecs/web" }));
    expect(streams.logStreams.map((s) => s.logStreamName)).toEqual([`ecs/app/${task.taskId}`]);

    const got = await logs.send(
      new GetLogEventsCommand({ logGroupName: "/ecs/web", logStreamName: `ecs/app/${task.taskId}`, startFromHead: true }),
    );
    const messages = got.events.map((e) => e.message);
    expect(messages[0]).toBe("Starting app (image nginx:1.27)");
    expect(messages).toContain("Listening on 0.0.0.0:80");
    const access = messages.filter((m) => m.includes(" HTTP/1.1\" "));
    expect(access.length).toBe(20); // 2 lines/s for 10 s
    const stamps = got.events.map((e) => e.timestamp);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    expect(stamps.at(-1)).toBeLessThanOrEqual(t0 + 10_000);
  });

  it("writes a crashing task's error and exit code, and a stopped task's shutdown, found by FilterLogEvents", async () => {
    const now = Date.now();
    const crash = fakeTask({ startedAt: now - 3000, crashing: true, td: taskDefinition({ image: "acme/crash-loop:1" }) });
    const web = fakeTask({ startedAt: now - 3000 });
    await telemetry.taskStarted(crash);
    await telemetry.taskStarted(web);
    await telemetry.tick(now - 1000, [crash, web]);
    await telemetry.taskStopped({ ...crash, exitCode: 137, stoppedReason: "Essential container in task exited" });
    await telemetry.taskStopped({ ...web, stoppedReason: "Scaling activity initiated by deployment" });
    await telemetry.flush();

    const fatal = await logs.send(new FilterLogEventsCommand({ logGroupName: "/ecs/web", filterPattern: "FATAL" }));
    expect(fatal.events.map((e) => [e.logStreamName, e.message])).toEqual([
      [`ecs/app/${crash.taskId}`, "FATAL app: database unavailable during startup, exiting with code 137"],
    ]);
    const crashStream = await logs.send(
      new GetLogEventsCommand({ logGroupName: "/ecs/web", logStreamName: `ecs/app/${crash.taskId}`, startFromHead: true }),
    );
    expect(crashStream.events.some((e) => e.message.includes("HTTP/1.1"))).toBe(false); // it never served
    const sigterm = await logs.send(new FilterLogEventsCommand({ logGroupName: "/ecs/web", logStreamNames: [`ecs/app/${web.taskId}`] }));
    expect(sigterm.events.at(-2).message).toBe("Received SIGTERM (Scaling activity initiated by deployment), draining connections");
  });

  it("in real time, lines reach moto within about a second of the tick, batched per stream", async () => {
    telemetry.close();
    telemetry = createTelemetry({ motoUrl: sandbox.motoUrl, linesPerSecond: 4, metricsIntervalMs: 60_000, logFlushMs: 1000 });
    const task = fakeTask({ startedAt: Date.now() });
    await telemetry.taskStarted(task);
    const ticker = setInterval(() => telemetry.tick(Date.now(), [task]), 250); // the agent's pace
    try {
      await new Promise((r) => setTimeout(r, 3000));
      const deadline = Date.now() + 3000;
      let access = [];
      while (Date.now() < deadline) {
        const got = await logs.send(new FilterLogEventsCommand({ logGroupName: "/ecs/web", filterPattern: "HTTP" }));
        access = got.events;
        if (access.length >= 8) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(access.length).toBeGreaterThanOrEqual(8); // ~4 lines/s for ~3 s, less what waits for the next flush
      const { putLogEventsCalls, linesWritten } = telemetry.stats();
      expect(putLogEventsCalls).toBeLessThan(linesWritten / 2); // ~1 call per second, not one per line
    } finally {
      clearInterval(ticker);
    }
  });

  it("after reset(), settled() waits for the calls in flight, so nothing lands in moto once it is reset", async () => {
    const now = Date.now();
    const tasks = Array.from({ length: 30 }, (_, i) => fakeTask({ startedAt: now, td: taskDefinition({ group: `/ecs/late-${i}` }) }));
    for (const t of tasks) await telemetry.taskStarted(t); // 30 groups, 8 at a time
    await new Promise((r) => setTimeout(r, 20));
    telemetry.reset();
    await telemetry.settled();
    await resetSandbox(sandbox.endpoint);
    await new Promise((r) => setTimeout(r, 500));
    expect((await logs.send(new DescribeLogGroupsCommand({}))).logGroups).toEqual([]);
  });

  it("does not create the log group unless awslogs-create-group is true (and then writes nothing)", async () => {
    const now = Date.now();
    const task = fakeTask({ startedAt: now - 2000, td: taskDefinition({ createGroup: "false", group: "/ecs/missing" }) });
    await telemetry.taskStarted(task);
    await telemetry.tick(now, [task]);
    await telemetry.flush();
    const err = await logs.send(new DescribeLogStreamsCommand({ logGroupName: "/ecs/missing" })).catch((e) => e);
    expect(err.name).toBe("ResourceNotFoundException");
    expect(telemetry.stats().lastError).toMatch(/ResourceNotFoundException/);
  });

  it("publishes AWS/ECS CPU and memory that GetMetricData reads, and load raises CPU", async () => {
    const start = Date.now() - 5 * 60_000;
    const tasks = [fakeTask({ startedAt: start }), fakeTask({ startedAt: start })];
    for (const t of tasks) await telemetry.taskStarted(t);
    // Five quiet minutes, then the knob through the control API (as the panel's "generate load" would).
    for (let m = 0; m < 5; m++) {
      await telemetry.tick(start + m * 60_000, tasks);
      await telemetry.flush(); // a round still in flight makes the next tick skip its own
    }
    await telemetry.flush();
    const knob = await setLoad(sandbox.endpoint, { cluster: "prod", service: "web", cpu: 150 });
    expect(knob).toMatchObject({ cluster: "prod", service: "web", cpu: 150, memory: 0 });
    expect((await getLoad(sandbox.endpoint)).loads).toEqual([knob]);
    await telemetry.tick(start + 5 * 60_000, tasks);
    await telemetry.flush();

    const listed = await cw.send(new ListMetricsCommand({ Namespace: "AWS/ECS", MetricName: "CPUUtilization" }));
    expect(listed.Metrics.map((m) => m.Dimensions.map((d) => d.Value).join("/")).sort()).toEqual(["prod", "prod/web"]);

    const res = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(start - 60_000),
        EndTime: new Date(start + 6 * 60_000),
        MetricDataQueries: [
          {
            Id: "cpu",
            MetricStat: {
              Metric: {
                Namespace: "AWS/ECS",
                MetricName: "CPUUtilization",
                Dimensions: [
                  { Name: "ClusterName", Value: "prod" },
                  { Name: "ServiceName", Value: "web" },
                ],
              },
              Period: 60,
              Stat: "Average",
            },
          },
          {
            Id: "mem",
            MetricStat: {
              Metric: {
                Namespace: "AWS/ECS",
                MetricName: "MemoryUtilization",
                Dimensions: [
                  { Name: "ClusterName", Value: "prod" },
                  { Name: "ServiceName", Value: "web" },
                ],
              },
              Period: 60,
              Stat: "Average",
            },
          },
        ],
      }),
    );
    const cpu = res.MetricDataResults.find((r) => r.Id === "cpu");
    const points = cpu.Timestamps.map((t, i) => [t.getTime(), cpu.Values[i]]).sort((a, b) => a[0] - b[0]);
    expect(points).toHaveLength(6);
    const quiet = points.slice(0, 5).map(([, v]) => v);
    for (const v of quiet) expect(v).toBeLessThan(20);
    expect(points[5][1]).toBeGreaterThan(75); // 150 % of one task spread over 2 tasks ≈ +75 points
    const mem = res.MetricDataResults.find((r) => r.Id === "mem");
    expect(mem.Values).toHaveLength(6);
    for (const v of mem.Values) expect(v).toBeGreaterThan(15);
    expect(telemetry.utilization("prod", "web")).toMatchObject({ runningTasks: 2 });

    // Scaling out to 4 tasks halves the per-task share of the same load.
    const more = [...tasks, fakeTask({ startedAt: start }), fakeTask({ startedAt: start })];
    await telemetry.tick(start + 6 * 60_000, more);
    await telemetry.flush();
    const after = telemetry.utilization("prod", "web");
    expect(after.runningTasks).toBe(4);
    expect(after.cpu).toBeLessThan(points[5][1]);
    expect(after.cpu).toBeGreaterThan(35);
  });

  it("load requests raise the access-log rate; POST /_sandbox/load rejects bad input", async () => {
    const now = Date.now();
    const task = fakeTask({ startedAt: now - 10_000 });
    await setLoad(sandbox.endpoint, { cluster: "prod", service: "web", requests: 8 });
    await telemetry.taskStarted(task);
    await telemetry.tick(now, [task]);
    await telemetry.flush();
    const got = await logs.send(new FilterLogEventsCommand({ logGroupName: "/ecs/web", filterPattern: "HTTP" }));
    expect(got.events.length).toBe(100); // (2 + 8) lines/s for 10 s
    const bad = await fetch(`${sandbox.endpoint}/_sandbox/load`, { method: "POST", body: JSON.stringify({ cluster: "prod", cpu: 5 }) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/service/);
  });
});

describe.skipIf(!hasMoto)("telemetry wired into the ECS runtime agent", () => {
  let sandbox;
  let logs;
  let cw;
  let ecs;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false, agent: { paceMs: 200, tickMs: 50, sweepMs: 0 } });
    logs = new CloudWatchLogsClient(clientConfig(sandbox.endpoint));
    cw = new CloudWatchClient(clientConfig(sandbox.endpoint));
    ecs = new ECSClient(clientConfig(sandbox.endpoint));
  }, 60_000);
  afterAll(async () => {
    logs?.destroy();
    cw?.destroy();
    ecs?.destroy();
    await sandbox?.stop();
  });

  async function waitFor(what, fn, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await fn();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const cpuNow = async (cluster, service) => {
    const res = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(Date.now() - 60_000),
        EndTime: new Date(Date.now() + 60_000),
        MetricDataQueries: [
          {
            Id: "cpu",
            MetricStat: {
              Metric: { Namespace: "AWS/ECS", MetricName: "CPUUtilization", Dimensions: [{ Name: "ClusterName", Value: cluster }, { Name: "ServiceName", Value: service }] },
              Period: 1,
              Stat: "Average",
            },
          },
        ],
      }),
    );
    const r = res.MetricDataResults[0];
    if (!r.Values.length) return null;
    const latest = r.Timestamps.map((t, i) => [t.getTime(), r.Values[i]]).sort((a, b) => b[0] - a[0])[0];
    return latest[1];
  };

  it("a seeded service's tasks write logs and metrics; load raises CPU, more tasks share it", async () => {
    await resetSandbox(sandbox.endpoint);
    await setAgent(sandbox.endpoint, { paceMs: 200, tickMs: 50, sweepMs: 0 });
    const tuned = await setTelemetry(sandbox.endpoint, { metricsIntervalMs: 300 });
    expect(tuned.settings).toMatchObject({ metricsIntervalMs: 300, linesPerSecond: 1 });
    await seedFleet(sandbox.endpoint, { clusters: 1, services: 1, tasks: 2, prefix: "tel" });
    await syncAgent(sandbox.endpoint);
    await waitForAgent(sandbox.endpoint, { timeoutMs: 20_000 });

    const lines = await waitFor("access-log lines from both tasks", async () => {
      const got = await logs.send(new FilterLogEventsCommand({ logGroupName: "/ecs/tel-web", filterPattern: "HTTP" }));
      const streams = new Set(got.events.map((e) => e.logStreamName));
      return streams.size === 2 ? got.events : null;
    });
    for (const e of lines) expect(e.logStreamName).toMatch(/^ecs\/app\/[0-9a-f]{32}$/);

    const idle = await waitFor("a CPU datapoint", () => cpuNow("tel-01", "web-1"));
    expect(idle).toBeLessThan(20);

    await setLoad(sandbox.endpoint, { cluster: "tel-01", service: "web-1", cpu: 160 });
    const loaded = await waitFor("CPU above 70 %", async () => {
      const v = await cpuNow("tel-01", "web-1");
      return v !== null && v > 70 ? v : null;
    });
    expect(loaded).toBeLessThanOrEqual(100);

    await ecs.send(new UpdateServiceCommand({ cluster: "tel-01", service: "web-1", desiredCount: 4 }));
    await waitForAgent(sandbox.endpoint, { timeoutMs: 20_000 });
    const spread = await waitFor("CPU back under 60 % with 4 tasks", async () => {
      const v = await cpuNow("tel-01", "web-1");
      return v !== null && v < 60 ? v : null;
    });
    expect(spread).toBeGreaterThan(35); // 160 / 4 = 40 points on top of the baseline
    const { stats } = await getTelemetry(sandbox.endpoint);
    expect(stats).toMatchObject({ tasks: 4, errors: 0, linesDropped: 0 });
    expect(stats.linesWritten).toBeGreaterThan(8);
    expect(stats.putMetricDataCalls).toBeGreaterThan(2);
  }, 90_000);

  it("POST /_sandbox/telemetry rejects bad settings, and reset puts the started-with settings back", async () => {
    for (const [body, message] of [
      [{ linesPerSecond: -1 }, /linesPerSecond must be a number/],
      [{ metricsIntervalMs: "fast" }, /metricsIntervalMs must be a number/],
      [{ colour: 1 }, /unknown telemetry setting colour/],
      [{ maxPutsPerSecond: 0 }, /above 0/],
    ]) {
      const res = await fetch(`${sandbox.endpoint}/_sandbox/telemetry`, { method: "POST", body: JSON.stringify(body) });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(message);
    }
    await setTelemetry(sandbox.endpoint, { linesPerSecond: 5, metricsIntervalMs: 250 });
    await resetSandbox(sandbox.endpoint);
    expect((await getTelemetry(sandbox.endpoint)).settings).toMatchObject({ linesPerSecond: 1, metricsIntervalMs: 10_000 });
  });
});
