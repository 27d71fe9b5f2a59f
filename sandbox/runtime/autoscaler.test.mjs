// Sandbox auto scaling: alarms evaluated from moto's metrics, policies and scheduled actions applied,
// activities served as DescribeScalingActivities; driven with the real SDK clients through the gateway.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingActivitiesCommand,
  PutScalingPolicyCommand,
  PutScheduledActionCommand,
  RegisterScalableTargetCommand,
} from "@aws-sdk/client-application-auto-scaling";
import { CloudWatchClient, DescribeAlarmsCommand, PutMetricAlarmCommand, SetAlarmStateCommand } from "@aws-sdk/client-cloudwatch";
import { CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, ECSClient, ListTasksCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageBatchCommand, SQSClient } from "@aws-sdk/client-sqs";
import { findExecutable, startSandbox } from "../start.mjs";
import { getAutoscaling, resetSandbox, sandboxCalls, setAgent, setAutoscaling, setLoad, setTelemetry } from "../client.mjs";
import { cronMatcher, evaluateAlarm, reasonDate, scheduleDue, stepCapacity, targetTrackingCapacity } from "./autoscaler.mjs";

const hasMoto = findExecutable("moto_server") !== null;
const clientConfig = (endpoint) => ({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
  maxAttempts: 1,
});

describe("alarm and policy arithmetic", () => {
  const T0 = Date.UTC(2026, 10, 22, 6, 1, 0);
  const b = (...values) => values.map((value, i) => ({ ms: T0 + i * 60_000, value }));

  it("words the state reason like CloudWatch", () => {
    expect(reasonDate(T0)).toBe("22/11/26 06:01:00");
    const r = evaluateAlarm({ buckets: b(85.2), threshold: 70, comparison: "GreaterThanOrEqualToThreshold" });
    expect(r.state).toBe("ALARM");
    expect(r.reason).toBe("Threshold Crossed: 1 datapoint [85.2 (22/11/26 06:01:00)] was greater than or equal to the threshold (70.0).");
    const ok = evaluateAlarm({ buckets: b(40, 41.5, 42), threshold: 50, comparison: "GreaterThanThreshold" });
    expect(ok.state).toBe("OK");
    expect(ok.reason).toBe(
      "Threshold Crossed: 3 datapoints [42 (22/11/26 06:03:00), 41.5 (22/11/26 06:02:00), 40 (22/11/26 06:01:00)] were not greater than the threshold (50.0).",
    );
  });

  it("needs DatapointsToAlarm breaching periods, and treats missing data as configured", () => {
    expect(evaluateAlarm({ buckets: b(90, 40, 90), threshold: 50, comparison: "GreaterThanThreshold" }).state).toBe("OK");
    expect(evaluateAlarm({ buckets: b(90, 40, 90), threshold: 50, comparison: "GreaterThanThreshold", datapointsToAlarm: 2 }).state).toBe("ALARM");
    expect(evaluateAlarm({ buckets: b(10, 20), threshold: 45, comparison: "LessThanThreshold" }).state).toBe("ALARM");
    // 2 of 15 periods known, both below: not enough for ALARM, no reason for OK
    const early = evaluateAlarm({ buckets: [...b(...Array(13).fill(undefined)), ...b(10, 20)], threshold: 45, comparison: "LessThanThreshold" });
    expect(early).toMatchObject({ state: "INSUFFICIENT_DATA", reason: "Insufficient Data: 13 datapoints were unknown." });
    expect(evaluateAlarm({ buckets: [...b(...Array(13).fill(undefined)), ...b(10, 50)], threshold: 45, comparison: "LessThanThreshold" }).reason).toMatch(
      /^Threshold Crossed: 1 datapoint \[50 \(.*\)\] was not less than the threshold \(45\.0\)\.$/,
    );
    const none = b(undefined, undefined);
    expect(evaluateAlarm({ buckets: none, threshold: 1, comparison: "GreaterThanThreshold" }).state).toBe("INSUFFICIENT_DATA");
    expect(evaluateAlarm({ buckets: none, threshold: 1, comparison: "GreaterThanThreshold", treatMissingData: "breaching" }).state).toBe("ALARM");
    expect(evaluateAlarm({ buckets: none, threshold: 1, comparison: "GreaterThanThreshold", treatMissingData: "notBreaching" }).state).toBe("OK");
    expect(evaluateAlarm({ buckets: none, threshold: 1, comparison: "GreaterThanThreshold", treatMissingData: "ignore" }).state).toBe(null);
    expect(evaluateAlarm({ buckets: b(90, undefined), threshold: 50, comparison: "GreaterThanThreshold", treatMissingData: "breaching" }).state).toBe("ALARM");
  });

  it("computes step and target tracking capacities", () => {
    const steps = {
      AdjustmentType: "ChangeInCapacity",
      StepAdjustments: [
        { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 100, ScalingAdjustment: 1 },
        { MetricIntervalLowerBound: 100, ScalingAdjustment: 3 },
      ],
    };
    expect(stepCapacity(steps, 2, 20)).toBe(3);
    expect(stepCapacity(steps, 2, 150)).toBe(5);
    expect(stepCapacity(steps, 2, -5)).toBe(null);
    expect(stepCapacity({ AdjustmentType: "ExactCapacity", StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 7 }] }, 2, 1)).toBe(7);
    const pct = { AdjustmentType: "PercentChangeInCapacity", StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 50 }] };
    expect(stepCapacity(pct, 4, 1)).toBe(6);
    expect(stepCapacity(pct, 1, 1)).toBe(2); // a fraction of a task still adds one
    expect(stepCapacity({ ...pct, MinAdjustmentMagnitude: 3 }, 4, 1)).toBe(7);
    expect(targetTrackingCapacity(1, 100, 50)).toBe(2);
    expect(targetTrackingCapacity(2, 85, 50)).toBe(4);
    expect(targetTrackingCapacity(4, 10, 50)).toBe(1);
  });

  it("reads at(), rate() and cron() schedules in their time zone", () => {
    // 06:00 UTC = 07:00 in Paris (CET)
    const at = { Schedule: "at(2026-11-22T07:00:30)", Timezone: "Europe/Paris" };
    expect(scheduleDue(at, Date.UTC(2026, 10, 22, 6, 0, 0), Date.UTC(2026, 10, 22, 6, 0, 31))).toBe(true);
    expect(scheduleDue(at, Date.UTC(2026, 10, 22, 6, 0, 31), Date.UTC(2026, 10, 22, 6, 1, 0))).toBe(false);
    const cron = { Schedule: "cron(0 9 ? * MON-FRI *)", Timezone: "Europe/Paris" };
    // Monday 23 Nov 2026, 09:00 Paris = 08:00 UTC
    expect(scheduleDue(cron, Date.UTC(2026, 10, 23, 7, 59, 30), Date.UTC(2026, 10, 23, 8, 0, 5))).toBe(true);
    expect(scheduleDue(cron, Date.UTC(2026, 10, 23, 8, 59, 30), Date.UTC(2026, 10, 23, 9, 0, 5))).toBe(false);
    // Sunday
    expect(scheduleDue(cron, Date.UTC(2026, 10, 22, 7, 59, 30), Date.UTC(2026, 10, 22, 8, 0, 5))).toBe(false);
    expect(cronMatcher("0 9 L * ? *")).toBe(null);
    const rate = { Schedule: "rate(5 minutes)", CreationTime: Date.UTC(2026, 10, 22, 6, 0, 0) / 1000 };
    expect(scheduleDue(rate, Date.UTC(2026, 10, 22, 6, 4, 0), Date.UTC(2026, 10, 22, 6, 5, 0))).toBe(true);
    expect(scheduleDue(rate, Date.UTC(2026, 10, 22, 6, 0, 0), Date.UTC(2026, 10, 22, 6, 0, 5), 60)).toBe(true); // 5 min in 5 s
  });
});

describe.skipIf(!hasMoto)("auto scaling in the sandbox", () => {
  let sandbox;
  let ecs;
  let aas;
  let cw;
  let sqs;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false, agent: { paceMs: 200, tickMs: 50, sweepMs: 0 }, env: { MOTO_IAM_LOAD_MANAGED_POLICIES: "false" } });
    ecs = new ECSClient(clientConfig(sandbox.endpoint));
    aas = new ApplicationAutoScalingClient(clientConfig(sandbox.endpoint));
    cw = new CloudWatchClient(clientConfig(sandbox.endpoint));
    sqs = new SQSClient(clientConfig(sandbox.endpoint));
  }, 60_000);
  afterAll(async () => {
    for (const c of [ecs, aas, cw, sqs]) c?.destroy();
    await sandbox?.stop();
  });
  beforeEach(async () => {
    await resetSandbox(sandbox.endpoint);
    await setTelemetry(sandbox.endpoint, { metricsIntervalMs: 200, linesPerSecond: 0 });
    // 60 sandbox seconds per real second: a 60 s alarm period lasts 1 s.
    await setAutoscaling(sandbox.endpoint, { evalMs: 250, timeScale: 60 });
  });

  async function waitFor(what, fn, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (;;) {
      last = await fn();
      if (last) return last;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; autoscaling: ${JSON.stringify(await getAutoscaling(sandbox.endpoint))}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  async function service(name, desiredCount = 1) {
    await ecs.send(new CreateClusterCommand({ clusterName: "prod" }));
    await ecs.send(new RegisterTaskDefinitionCommand({ family: name, containerDefinitions: [{ name: "app", image: "nginx:1.27", memory: 512, essential: true }] }));
    await ecs.send(new CreateServiceCommand({ cluster: "prod", serviceName: name, taskDefinition: name, desiredCount }));
    await aas.send(
      new RegisterScalableTargetCommand({ ServiceNamespace: "ecs", ResourceId: `service/prod/${name}`, ScalableDimension: "ecs:service:DesiredCount", MinCapacity: 1, MaxCapacity: 5 }),
    );
  }
  const desired = async (name) => (await ecs.send(new DescribeServicesCommand({ cluster: "prod", services: [name] }))).services[0].desiredCount;
  const running = async (name) => (await ecs.send(new ListTasksCommand({ cluster: "prod", serviceName: name }))).taskArns.length;
  const activities = async (name) =>
    (await aas.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "ecs", ResourceId: `service/prod/${name}`, ScalableDimension: "ecs:service:DesiredCount" })))
      .ScalingActivities;

  it("target tracking on CPU: load raises the desired count, its removal brings it back after the cooldown", async () => {
    await service("web");
    const policy = await aas.send(
      new PutScalingPolicyCommand({
        PolicyName: "web-cpu-target-tracking",
        ServiceNamespace: "ecs",
        ResourceId: "service/prod/web",
        ScalableDimension: "ecs:service:DesiredCount",
        PolicyType: "TargetTrackingScaling",
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 50,
          PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" },
          ScaleOutCooldown: 60,
          ScaleInCooldown: 60,
        },
      }),
    );
    const high = policy.Alarms.find((a) => a.AlarmName.includes("-AlarmHigh-")).AlarmName;
    const low = policy.Alarms.find((a) => a.AlarmName.includes("-AlarmLow-")).AlarmName;
    await waitFor("a task running", async () => (await running("web")) === 1);
    await waitFor("AlarmHigh OK at 50 %", async () => {
      const a = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [high] }))).MetricAlarms[0];
      return a.StateValue === "OK" && a.Threshold === 50 ? a : null;
    });
    await resetCounts();

    await setLoad(sandbox.endpoint, { cluster: "prod", service: "web", cpu: 150 });
    const alarm = await waitFor("AlarmHigh in ALARM", async () => {
      const a = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [high] }))).MetricAlarms[0];
      return a.StateValue === "ALARM" ? a : null;
    });
    expect(alarm.StateReason).toMatch(/^Threshold Crossed: 3 datapoints \[[\d.]+ \(\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d\), .*\] were greater than the threshold \(50\.0\)\.$/);
    expect(JSON.parse(alarm.StateReasonData)).toMatchObject({ version: "1.0", statistic: "Average", period: 60, threshold: 50 });
    await waitFor("desired count above 1", async () => (await desired("web")) > 1);
    const grown = await waitFor("3+ tasks running", async () => ((await running("web")) >= 3 ? running("web") : null), 40_000);
    expect(grown).toBeLessThanOrEqual(5);
    const acts = await activities("web");
    expect(acts.length).toBeGreaterThan(0);
    const first = acts.at(-1);
    expect(first).toMatchObject({
      ServiceNamespace: "ecs",
      ResourceId: "service/prod/web",
      ScalableDimension: "ecs:service:DesiredCount",
      StatusCode: "Successful",
      Cause: `monitor alarm ${high} in state ALARM triggered policy web-cpu-target-tracking`,
    });
    expect(first.Description).toMatch(/^Setting desired count to [2-5]\.$/);
    expect(first.ActivityId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.StartTime).toBeInstanceOf(Date);
    expect(first.EndTime.getTime()).toBeGreaterThanOrEqual(first.StartTime.getTime());
    // the sandbox's own calls are not counted; only this test's reads are
    const calls = (await sandboxCalls(sandbox.endpoint)).calls;
    expect(calls["ecs:UpdateService"]).toBeUndefined();
    expect(calls["monitoring:SetAlarmState"]).toBeUndefined();

    await setLoad(sandbox.endpoint, { cluster: "prod", service: "web", cpu: 0 });
    await waitFor("scaled back in to 1", async () => (await desired("web")) === 1, 60_000);
    const lowAlarm = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [low] }))).MetricAlarms[0];
    expect(lowAlarm).toMatchObject({ Threshold: 45, ComparisonOperator: "LessThanThreshold" });
    const after = await activities("web");
    expect(after[0].Cause).toBe(`monitor alarm ${low} in state ALARM triggered policy web-cpu-target-tracking`);
    expect(after[0].Description).toBe("Setting desired count to 1.");
    await waitFor("one task running", async () => (await running("web")) === 1);
    const { stats } = await getAutoscaling(sandbox.endpoint);
    expect(stats.errors, String(stats.lastError)).toBe(0);
    expect(stats.scalings).toBeGreaterThanOrEqual(2);
  }, 150_000);

  it("target tracking on ALB requests per target reads the target group's RequestCountPerTarget", async () => {
    await ecs.send(new CreateClusterCommand({ clusterName: "prod" }));
    await ecs.send(new RegisterTaskDefinitionCommand({ family: "shop", containerDefinitions: [{ name: "app", image: "nginx:1.27", memory: 512, portMappings: [{ containerPort: 80 }] }] }));
    const tg = "targetgroup/shop-tg/0123456789abcdef";
    await ecs.send(
      new CreateServiceCommand({
        cluster: "prod",
        serviceName: "shop",
        taskDefinition: "shop",
        desiredCount: 1,
        loadBalancers: [{ targetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:123456789012:${tg}`, containerName: "app", containerPort: 80 }],
      }),
    );
    await aas.send(new RegisterScalableTargetCommand({ ServiceNamespace: "ecs", ResourceId: "service/prod/shop", ScalableDimension: "ecs:service:DesiredCount", MinCapacity: 1, MaxCapacity: 4 }));
    const policy = await aas.send(
      new PutScalingPolicyCommand({
        PolicyName: "shop-requests",
        ServiceNamespace: "ecs",
        ResourceId: "service/prod/shop",
        ScalableDimension: "ecs:service:DesiredCount",
        PolicyType: "TargetTrackingScaling",
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 600, // requests per target per minute
          PredefinedMetricSpecification: { PredefinedMetricType: "ALBRequestCountPerTarget", ResourceLabel: `app/shop-alb/fedcba9876543210/${tg}` },
          ScaleOutCooldown: 60,
          ScaleInCooldown: 60,
        },
      }),
    );
    const high = policy.Alarms.find((a) => a.AlarmName.includes("-AlarmHigh-")).AlarmName;
    await setLoad(sandbox.endpoint, { cluster: "prod", service: "shop", requests: 25 }); // 1,500 a minute
    await waitFor("desired count above 1", async () => (await desired("shop")) > 1);
    const alarm = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [high] }))).MetricAlarms[0];
    expect(alarm).toMatchObject({ Namespace: "AWS/ApplicationELB", MetricName: "RequestCountPerTarget", Statistic: "Sum", Threshold: 600, Dimensions: [{ Name: "TargetGroup", Value: tg }] });
    expect((await activities("shop"))[0].Cause).toBe(`monitor alarm ${high} in state ALARM triggered policy shop-requests`);
  }, 60_000);

  async function resetCounts() {
    await fetch(`${sandbox.endpoint}/_sandbox/calls/reset`, { method: "POST" });
  }

  it("step scaling on a queue's visible messages adds tasks; the workers drain the queue", async () => {
    await service("worker");
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "jobs" }));
    for (let i = 0; i < 3; i++) {
      await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: Array.from({ length: 10 }, (_, j) => ({ Id: `m${j}`, MessageBody: `job ${i}-${j}` })) }));
    }
    const { PolicyARN } = await aas.send(
      new PutScalingPolicyCommand({
        PolicyName: "worker-queue-steps",
        ServiceNamespace: "ecs",
        ResourceId: "service/prod/worker",
        ScalableDimension: "ecs:service:DesiredCount",
        PolicyType: "StepScaling",
        StepScalingPolicyConfiguration: {
          AdjustmentType: "ChangeInCapacity",
          Cooldown: 3600, // one minute of test time: one step only
          StepAdjustments: [
            { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 },
            { MetricIntervalLowerBound: 10, ScalingAdjustment: 2 },
          ],
        },
      }),
    );
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: "jobs-backlog",
        Namespace: "AWS/SQS",
        MetricName: "ApproximateNumberOfMessagesVisible",
        Dimensions: [{ Name: "QueueName", Value: "jobs" }],
        Statistic: "Maximum",
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 10,
        ComparisonOperator: "GreaterThanOrEqualToThreshold",
        AlarmActions: [PolicyARN],
      }),
    );
    await waitFor("desired count 3 (30 messages = threshold + 20 → +2)", async () => (await desired("worker")) === 3);
    const alarm = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: ["jobs-backlog"] }))).MetricAlarms[0];
    expect(alarm.StateValue).toBe("ALARM");
    expect(alarm.StateReason).toMatch(/^Threshold Crossed: 1 datapoint \[30 \(\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d\)\] was greater than or equal to the threshold \(10\.0\)\.$/);
    const [act] = await activities("worker");
    expect(act).toMatchObject({ Description: "Setting desired count to 3.", Cause: "monitor alarm jobs-backlog in state ALARM triggered policy worker-queue-steps" });
    // still in ALARM, but within the cooldown: no second step
    await new Promise((r) => setTimeout(r, 1500));
    expect(await desired("worker")).toBe(3);

    await setAutoscaling(sandbox.endpoint, { drainPerTask: 5 });
    await waitFor("queue drained", async () => {
      const a = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["ApproximateNumberOfMessages"] }));
      return a.Attributes.ApproximateNumberOfMessages === "0";
    });
    await waitFor("backlog alarm OK", async () => (await cw.send(new DescribeAlarmsCommand({ AlarmNames: ["jobs-backlog"] }))).MetricAlarms[0].StateValue === "OK");
    expect((await getAutoscaling(sandbox.endpoint)).stats.messagesDrained).toBe(30);
  }, 90_000);

  it("an alarm set by hand keeps its state until its next period, then is evaluated again", async () => {
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: "no-data",
        Namespace: "Custom/App",
        MetricName: "QueueDepth",
        Statistic: "Average",
        Period: 180, // 3 s at the test's time scale
        EvaluationPeriods: 1,
        Threshold: 5,
        ComparisonOperator: "GreaterThanThreshold",
      }),
    );
    const state = async () => (await cw.send(new DescribeAlarmsCommand({ AlarmNames: ["no-data"] }))).MetricAlarms[0];
    await waitFor("INSUFFICIENT_DATA", async () => (await state()).StateValue === "INSUFFICIENT_DATA");
    expect((await state()).StateReason).toBe("Insufficient Data: 1 datapoint was unknown.");
    await cw.send(new SetAlarmStateCommand({ AlarmName: "no-data", StateValue: "ALARM", StateReason: "testing the alarm action" }));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await state()).toMatchObject({ StateValue: "ALARM", StateReason: "testing the alarm action" });
    await waitFor("evaluated again", async () => (await state()).StateValue === "INSUFFICIENT_DATA", 10_000);
  }, 30_000);

  it("a scheduled action sets min/max and brings the desired count into range", async () => {
    await service("api");
    const at = new Date(Date.now() + 2000);
    const paris = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "medium" }).format(at).replace(" ", "T");
    await aas.send(
      new PutScheduledActionCommand({
        ServiceNamespace: "ecs",
        ResourceId: "service/prod/api",
        ScalableDimension: "ecs:service:DesiredCount",
        ScheduledActionName: "business-hours",
        Schedule: `at(${paris})`,
        Timezone: "Europe/Paris",
        ScalableTargetAction: { MinCapacity: 3, MaxCapacity: 8 },
      }),
    );
    await waitFor("desired count 3", async () => (await desired("api")) === 3, 20_000);
    const [target] = (await aas.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs", ResourceIds: ["service/prod/api"] }))).ScalableTargets;
    expect(target).toMatchObject({ MinCapacity: 3, MaxCapacity: 8 });
    const acts = await activities("api");
    expect(acts.map((a) => [a.Description, a.Cause])).toEqual([
      ["Setting desired count to 3.", "minimum capacity was set to 3"],
      ["Setting min capacity to 3 and max capacity to 8", "scheduled action name business-hours was triggered"],
    ]);
    await waitFor("3 tasks running", async () => (await running("api")) === 3);
  }, 60_000);

  it("DescribeScalingActivities validates, filters and pages; reset clears the activities and settings", async () => {
    await service("api");
    await aas.send(
      new PutScheduledActionCommand({
        ServiceNamespace: "ecs",
        ResourceId: "service/prod/api",
        ScalableDimension: "ecs:service:DesiredCount",
        ScheduledActionName: "every-5s",
        Schedule: "rate(5 minutes)", // 5 s at the test's time scale
        ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 4 },
      }),
    );
    await waitFor("two runs", async () => (await activities("api")).length >= 2, 20_000);
    const page1 = await aas.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "ecs", MaxResults: 1 }));
    expect(page1.ScalingActivities).toHaveLength(1);
    expect(page1.NextToken).toBeTruthy();
    const page2 = await aas.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "ecs", MaxResults: 1, NextToken: page1.NextToken }));
    expect(page2.ScalingActivities[0].ActivityId).not.toBe(page1.ScalingActivities[0].ActivityId);
    expect(page2.ScalingActivities[0].StartTime.getTime()).toBeLessThanOrEqual(page1.ScalingActivities[0].StartTime.getTime());
    expect((await aas.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "ecs", ResourceId: "service/prod/other", ScalableDimension: "ecs:service:DesiredCount" }))).ScalingActivities).toEqual([]);
    expect((await aas.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "dynamodb" }))).ScalingActivities).toEqual([]);
    await expect(aas.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "ecs", MaxResults: 51 }))).rejects.toMatchObject({ name: "ValidationException" });
    await expect(aas.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "ecs", ResourceId: "service/prod/api" }))).rejects.toMatchObject({
      name: "ValidationException",
    });
    const bad = await fetch(`${sandbox.endpoint}/_sandbox/autoscaling`, { method: "POST", body: JSON.stringify({ timeScale: 0 }) });
    expect(bad.status).toBe(400);
    expect((await sandboxCalls(sandbox.endpoint)).calls["application-autoscaling:DescribeScalingActivities"]).toBeGreaterThan(2);

    await resetSandbox(sandbox.endpoint);
    expect((await getAutoscaling(sandbox.endpoint)).settings).toMatchObject({ evalMs: 1000, timeScale: 1, drainPerTask: 0 });
    expect((await aas.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "ecs" }))).ScalingActivities).toEqual([]);
  }, 60_000);
});
