// Service deployments, service revisions and the traffic-shifting strategies: the pure lifecycle,
// then the agent against a real moto_server + gateway, through the AWS SDK.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  DescribeServicesCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  RegisterTaskDefinitionCommand,
  StopServiceDeploymentCommand,
  ContinueServiceDeploymentCommand,
  UpdateServiceCommand,
} from "@aws-sdk/client-ecs";
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DescribeRulesCommand,
  ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from "@aws-sdk/client-cloudwatch";
import { startSandbox } from "../start.mjs";
import { hookInvocations } from "../client.mjs";
import { clientConfig, hasMoto, rejection } from "../test-support.mjs";
import { advanceShift, hookStagesReached, invokeHooks, trafficSteps, weightParams } from "./service-deployments.mjs";

describe("trafficSteps", () => {
  it("canary: the canary share, then the rest after its interval", () => {
    expect(trafficSteps({ strategy: "CANARY", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 } })).toEqual([{ green: 10, holdMinutes: 1 }, { green: 100, holdMinutes: 0 }]);
  });
  it("linear: equal steps up to 100, blue/green: all at once", () => {
    expect(trafficSteps({ strategy: "LINEAR", linearConfiguration: { stepPercent: 30, stepBakeTimeInMinutes: 2 } }).map((s) => s.green)).toEqual([30, 60, 90, 100]);
    expect(trafficSteps({ strategy: "LINEAR", linearConfiguration: { stepPercent: 3 } })).toHaveLength(34);
    expect(trafficSteps({ strategy: "BLUE_GREEN" })).toEqual([{ green: 100, holdMinutes: 0 }]);
  });
});

describe("advanceShift", () => {
  const shift = () => ({ steps: trafficSteps({ strategy: "CANARY", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 } }), bakeMinutes: 2, stage: "SCALE_UP", step: -1, greenWeight: 0, since: 0, rollingBack: false });
  it("waits for green, holds the canary for its interval, bakes, then cleans up", () => {
    const s = shift();
    expect(advanceShift(s, { greenReady: false, blueLive: 2, greenLive: 1 }, 0, 1000)).toEqual({ weightChanged: false, stopBlue: false, stopGreen: false });
    expect(advanceShift(s, { greenReady: true, blueLive: 2, greenLive: 2 }, 100, 1000).weightChanged).toBe(true);
    expect([s.stage, s.greenWeight]).toEqual(["PRODUCTION_TRAFFIC_SHIFT", 10]);
    expect(advanceShift(s, { greenReady: true, blueLive: 2, greenLive: 2 }, 1099, 1000).weightChanged).toBe(false);
    expect(advanceShift(s, { greenReady: true, blueLive: 2, greenLive: 2 }, 1100, 1000).weightChanged).toBe(true);
    expect([s.stage, s.greenWeight]).toEqual(["BAKE_TIME", 100]);
    expect(advanceShift(s, { greenReady: true, blueLive: 2, greenLive: 2 }, 3099, 1000).stopBlue).toBe(false);
    expect(advanceShift(s, { greenReady: true, blueLive: 2, greenLive: 2 }, 3100, 1000).stopBlue).toBe(true);
    expect(s.stage).toBe("CLEAN_UP");
  });
  it("rolling back stops green", () => {
    const s = { ...shift(), rollingBack: true };
    expect(advanceShift(s, { greenReady: true, blueLive: 2, greenLive: 2 }, 0, 1000).stopGreen).toBe(true);
  });
});

it("hooks: the stages a shift passes, and the sandbox's failing hooks", () => {
  const shift = { hooksStarted: false, stage: "SCALE_UP", step: -1 };
  expect(hookStagesReached(shift, "SCALE_UP")).toEqual(["RECONCILE_SERVICE", "PRE_SCALE_UP"]);
  expect(hookStagesReached(shift, "SCALE_UP")).toEqual([]);
  Object.assign(shift, { stage: "PRODUCTION_TRAFFIC_SHIFT", step: 0 });
  expect(hookStagesReached(shift, "SCALE_UP", -1)).toEqual(["POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"]);
  const hooks = [{ hookTargetArn: "arn:aws:lambda:us-east-1:1:function:ok", lifecycleStages: ["PRE_SCALE_UP"] }, { hookTargetArn: "arn:aws:lambda:us-east-1:1:function:will-fail", lifecycleStages: ["POST_SCALE_UP"] }];
  expect(invokeHooks(hooks, ["PRE_SCALE_UP"])).toBeNull();
  expect(invokeHooks(hooks, ["POST_SCALE_UP"])).toEqual({ name: "will-fail", stage: "POST_SCALE_UP" });
});

it("linear and canary pass PRE_PRODUCTION_TRAFFIC_SHIFT and PRODUCTION_TRAFFIC_SHIFT at every traffic step (AWS), POST_PRODUCTION once", () => {
  const shift = { hooksStarted: true, stage: "PRODUCTION_TRAFFIC_SHIFT", step: 1 };
  expect(hookStagesReached(shift, "PRODUCTION_TRAFFIC_SHIFT", 0)).toEqual(["PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"]);
  expect(hookStagesReached(shift, "PRODUCTION_TRAFFIC_SHIFT", 1)).toEqual([]);
  Object.assign(shift, { stage: "BAKE_TIME", step: 2 });
  expect(hookStagesReached(shift, "PRODUCTION_TRAFFIC_SHIFT", 1)).toEqual(["PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT"]);
  // Blue/green moves all traffic in one step: from scale-up straight to the bake.
  const bg = { hooksStarted: true, stage: "BAKE_TIME", step: 0 };
  expect(hookStagesReached(bg, "SCALE_UP", -1).at(-1)).toBe("POST_PRODUCTION_TRAFFIC_SHIFT");
});

it("runs the Lambda hooks in stage order, records each call, and stops at the first that fails", () => {
  const hooks = [
    { hookTargetArn: "arn:aws:lambda:us-east-1:1:function:later-fail", lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"] },
    { hookTargetArn: "arn:aws:lambda:us-east-1:1:function:smoke", lifecycleStages: ["POST_SCALE_UP"], hookDetails: { suite: "smoke" } },
    { targetType: "PAUSE", lifecycleStages: ["POST_SCALE_UP"] },
    { hookTargetArn: "arn:aws:lambda:us-east-1:1:function:never", lifecycleStages: ["PRODUCTION_TRAFFIC_SHIFT"] },
  ];
  const calls = [];
  const failed = invokeHooks(hooks, ["POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"], (c) => calls.push(c));
  expect(failed).toEqual({ name: "later-fail", stage: "POST_TEST_TRAFFIC_SHIFT" });
  expect(calls.map((c) => [c.hookTargetArn.split(":").pop(), c.stage, c.status])).toEqual([["smoke", "POST_SCALE_UP", "SUCCEEDED"], ["later-fail", "POST_TEST_TRAFFIC_SHIFT", "FAILED"]]);
  expect(calls[0].hookDetails).toEqual({ suite: "smoke" });
});

it("weightParams writes ModifyRule's forward action with both weights", () => {
  expect(weightParams("rule", "blue", "green", 10)).toMatchObject({
    Action: "ModifyRule",
    "Actions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn": "blue",
    "Actions.member.1.ForwardConfig.TargetGroups.member.1.Weight": "90",
    "Actions.member.1.ForwardConfig.TargetGroups.member.2.Weight": "10",
  });
});

async function waitFor(what, fn, { timeoutMs = 20_000, intervalMs = 60 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

describe.skipIf(!hasMoto)("service deployments in the sandbox", () => {
  let sandbox;
  let ecs;
  let elb;
  const cluster = "shift";
  let blue;
  let green;
  let rule;
  let subnets;
  let securityGroups;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false, agent: { paceMs: 200, tickMs: 30, crashAfterMs: 300, sweepMs: 0, minuteMs: 400 } });
    ecs = new ECSClient(clientConfig(sandbox.endpoint));
    elb = new ElasticLoadBalancingV2Client(clientConfig(sandbox.endpoint));
    const ec2 = new EC2Client(clientConfig(sandbox.endpoint));
    subnets = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets.map((s) => s.SubnetId).slice(0, 2);
    const vpc = (await ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnets }))).Subnets[0].VpcId;
    securityGroups = (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [vpc] }] }))).SecurityGroups.map((g) => g.GroupId).slice(0, 1);
    const lb = (await elb.send(new CreateLoadBalancerCommand({ Name: "shift", Subnets: subnets, Type: "application" }))).LoadBalancers[0];
    blue = (await elb.send(new CreateTargetGroupCommand({ Name: "blue", Protocol: "HTTP", Port: 80, VpcId: vpc, TargetType: "ip" }))).TargetGroups[0].TargetGroupArn;
    green = (await elb.send(new CreateTargetGroupCommand({ Name: "green", Protocol: "HTTP", Port: 80, VpcId: vpc, TargetType: "ip" }))).TargetGroups[0].TargetGroupArn;
    const listener = (await elb.send(new CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: blue }] }))).Listeners[0];
    rule = (await elb.send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn }))).Rules[0].RuleArn;
    await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
    for (const image of ["web:1", "web:2", "web:3", "web:crash"]) {
      await ecs.send(new RegisterTaskDefinitionCommand({ family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512", containerDefinitions: [{ name: "web", image, essential: true, portMappings: [{ containerPort: 80 }] }] }));
    }
  }, 60_000);

  afterAll(async () => {
    await sandbox?.stop?.();
  });

  const weights = async () => {
    const r = (await elb.send(new DescribeRulesCommand({ RuleArns: [rule] }))).Rules[0].Actions[0];
    const groups = r.ForwardConfig?.TargetGroups ?? [{ TargetGroupArn: r.TargetGroupArn, Weight: 1 }];
    const of = (arn) => groups.find((g) => g.TargetGroupArn === arn)?.Weight ?? 0;
    return { blue: of(blue), green: of(green) };
  };
  const latest = async (service) => {
    const { serviceDeployments } = await ecs.send(new ListServiceDeploymentsCommand({ cluster, service }));
    return (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [serviceDeployments[0].serviceDeploymentArn] }))).serviceDeployments[0];
  };

  async function shiftingService(name, deploymentConfiguration) {
    await ecs.send(new CreateServiceCommand({
      cluster, serviceName: name, taskDefinition: "web:1", desiredCount: 2, launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets, securityGroups } },
      loadBalancers: [{ targetGroupArn: blue, containerName: "web", containerPort: 80 }],
    }));
    await waitFor("the first deployment", async () => (await latest(name)).status === "SUCCESSFUL");
    await ecs.send(new UpdateServiceCommand({
      cluster, service: name, deploymentConfiguration,
      loadBalancers: [{ targetGroupArn: blue, containerName: "web", containerPort: 80, advancedConfiguration: { alternateTargetGroupArn: green, productionListenerRule: rule, roleArn: "arn:aws:iam::123456789012:role/lb" } }],
    }));
  }

  it("canary: 10 % to green, then 100 %, bake, blue gone; the deployment and its revisions have AWS's shapes", async () => {
    await shiftingService("canary", { strategy: "CANARY", bakeTimeInMinutes: 1, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 2 } });
    await ecs.send(new UpdateServiceCommand({ cluster, service: "canary", taskDefinition: "web:2" }));
    await waitFor("10 % on green", async () => (await weights()).green === 10);
    expect(await weights()).toEqual({ blue: 90, green: 10 });
    const during = await latest("canary");
    expect(during).toMatchObject({ status: "IN_PROGRESS", lifecycleStage: "PRODUCTION_TRAFFIC_SHIFT", targetServiceRevision: { requestedProductionTrafficWeight: 10, requestedTaskCount: 2 } });
    expect(during.sourceServiceRevisions[0]).toMatchObject({ requestedProductionTrafficWeight: 90, runningTaskCount: 2 });
    await waitFor("100 % on green", async () => (await weights()).green === 100);
    const done = await waitFor("the canary to finish", async () => { const d = await latest("canary"); return d.status === "SUCCESSFUL" && d; });
    expect(done.finishedAt).toBeInstanceOf(Date);
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster, services: ["canary"] }))).services[0];
    expect(svc.deployments).toHaveLength(1);
    expect(svc.deployments[0]).toMatchObject({ rolloutState: "COMPLETED", runningCount: 2 });
    const { serviceRevisions } = await ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [done.targetServiceRevision.arn, done.sourceServiceRevisions[0].arn] }));
    expect(serviceRevisions.map((r) => r.taskDefinition.split("/").pop())).toEqual(["web:2", "web:1"]);
    expect(serviceRevisions[0].containerImages[0]).toMatchObject({ containerName: "web", image: "web:2" });
    expect((await ecs.send(new ListServiceDeploymentsCommand({ cluster, service: "canary" }))).serviceDeployments.map((d) => d.status)).toEqual(["SUCCESSFUL", "SUCCESSFUL"]);
  }, 60_000);

  it("linear rolled back by hand mid-way: 100 % back on blue, green stopped, ROLLBACK_SUCCESSFUL", async () => {
    await shiftingService("linear", { strategy: "LINEAR", bakeTimeInMinutes: 1, linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 3 } });
    await ecs.send(new UpdateServiceCommand({ cluster, service: "linear", taskDefinition: "web:3" }));
    await waitFor("a step on green", async () => (await weights()).green >= 25);
    const arn = (await latest("linear")).serviceDeploymentArn;
    await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: "ROLLBACK" }));
    const after = await waitFor("the rollback", async () => { const d = await latest("linear"); return d.status === "ROLLBACK_SUCCESSFUL" && d; });
    expect(after.rollback.reason).toMatch(/StopServiceDeployment/);
    expect(await weights()).toEqual({ blue: 100, green: 0 });
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster, services: ["linear"] }))).services[0];
    expect(svc.taskDefinition.split("/").pop()).toBe("web:1");
    expect(svc.deployments.map((d) => d.status)).toEqual(["PRIMARY"]);
    const again = await rejection(ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: "ROLLBACK" })));
    expect(again.name).toBe("ConflictException");
  }, 60_000);

  it("a canary whose green tasks crash is rolled back by the circuit breaker, with the reason", async () => {
    await shiftingService("crashy", { strategy: "CANARY", bakeTimeInMinutes: 0, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 }, deploymentCircuitBreaker: { enable: true, rollback: true } });
    await ecs.send(new UpdateServiceCommand({ cluster, service: "crashy", taskDefinition: "web:4" }));
    const after = await waitFor("the automatic rollback", async () => { const d = await latest("crashy"); return d.status === "ROLLBACK_SUCCESSFUL" && d; }, { timeoutMs: 40_000 });
    expect(after.rollback.reason).toMatch(/Circuit breaker: tasks failed to start/);
    expect(after.deploymentCircuitBreaker.failureCount).toBeGreaterThanOrEqual(3);
    expect(await weights()).toMatchObject({ green: 0 });
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster, services: ["crashy"] }))).services[0];
    expect(svc.taskDefinition.split("/").pop()).toBe("web:1");
    expect(svc.deployments.map((d) => d.status)).toEqual(["PRIMARY"]);
  }, 60_000);

  it("a new strategy drops the previous one's settings; other settings stay", async () => {
    await ecs.send(new UpdateServiceCommand({ cluster, service: "canary", deploymentConfiguration: { strategy: "ROLLING", minimumHealthyPercent: 50 } }));
    const dc = (await ecs.send(new DescribeServicesCommand({ cluster, services: ["canary"] }))).services[0].deploymentConfiguration;
    expect(dc.strategy).toBe("ROLLING");
    expect(dc.canaryConfiguration).toBeUndefined();
    expect(dc.bakeTimeInMinutes).toBeUndefined();
    expect(dc).toMatchObject({ minimumHealthyPercent: 50, maximumPercent: 200 });
  });

  it("blue/green with a lifecycle hook that fails (its function name says fail) rolls back before traffic moves", async () => {
    const hook = (name, lifecycleStages) => ({ hookTargetArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`, roleArn: "arn:aws:iam::123456789012:role/hooks", lifecycleStages });
    await shiftingService("hooky", { strategy: "BLUE_GREEN", bakeTimeInMinutes: 0, lifecycleHooks: [hook("check-ok", ["PRE_SCALE_UP"]), hook("smoke-fail", ["POST_TEST_TRAFFIC_SHIFT"])] });
    await ecs.send(new UpdateServiceCommand({ cluster, service: "hooky", taskDefinition: "web:2" }));
    const after = await waitFor("the hook's rollback", async () => { const d = await latest("hooky"); return d.status === "ROLLBACK_SUCCESSFUL" && d; });
    expect(after.rollback.reason).toBe("Lifecycle hook smoke-fail failed in POST_TEST_TRAFFIC_SHIFT.");
    expect(after.deploymentConfiguration.lifecycleHooks).toHaveLength(2);
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster, services: ["hooky"] }))).services[0];
    expect(svc.taskDefinition.split("/").pop()).toBe("web:1");
  }, 60_000);

  it("refuses unknown deployments and more than 20 ARNs", async () => {
    expect((await rejection(ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: "arn:aws:ecs:us-east-1:123456789012:service-deployment/x/y/z" })))).name).toBe("ServiceDeploymentNotFoundException");
    expect((await rejection(ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: Array.from({ length: 21 }, (_, i) => `a${i}`) })))).name).toBe("InvalidParameterException");
    const { failures } = await ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: ["nope"] }));
    expect(failures).toEqual([{ arn: "nope", reason: "MISSING" }]);
  });

  it("a pause hook holds blue/green before traffic moves until ContinueServiceDeployment; ABORT is refused as AWS documents", async () => {
    await shiftingService("paused", { strategy: "BLUE_GREEN", bakeTimeInMinutes: 0, lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"] }] });
    await ecs.send(new UpdateServiceCommand({ cluster, service: "paused", taskDefinition: "web:2" }));
    const held = await waitFor("the pause", async () => { const d = await latest("paused"); return d.lifecycleHookDetails?.[0]?.status === "AWAITING_ACTION" && d; });
    expect(held).toMatchObject({ status: "IN_PROGRESS", lifecycleStage: "PRE_PRODUCTION_TRAFFIC_SHIFT" });
    expect(held.lifecycleHookDetails[0]).toMatchObject({ targetType: "PAUSE", timeoutAction: "ROLLBACK" });
    expect((await weights()).green).toBe(0);
    const abort = await rejection(ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: held.serviceDeploymentArn, stopType: "ABORT" })));
    expect(abort.name).toBe("InvalidParameterException");
    const wrong = await rejection(ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: held.serviceDeploymentArn, hookId: "ecs-pause-other" })));
    expect(wrong.name).toBe("InvalidParameterException");
    await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: held.serviceDeploymentArn, hookId: held.lifecycleHookDetails[0].hookId, action: "CONTINUE" }));
    const done = await waitFor("the deployment to finish", async () => { const d = await latest("paused"); return d.status === "SUCCESSFUL" && d; });
    expect(done.lifecycleHookDetails[0].status).toBe("SUCCEEDED");
    const again = await rejection(ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: held.serviceDeploymentArn, hookId: held.lifecycleHookDetails[0].hookId })));
    expect(again.name).toBe("ConflictException");
  }, 60_000);

  it("a canary pauses at PRE_PRODUCTION_TRAFFIC_SHIFT before each of its two traffic steps (AWS: before every step)", async () => {
    await shiftingService("stepwise", { strategy: "CANARY", bakeTimeInMinutes: 0, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 }, lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"] }] });
    await ecs.send(new UpdateServiceCommand({ cluster, service: "stepwise", taskDefinition: "web:2" }));
    const awaiting = (d) => d.lifecycleHookDetails?.find((h) => h.status === "AWAITING_ACTION");
    const first = await waitFor("the first pause", async () => { const d = await latest("stepwise"); return awaiting(d) && d; });
    expect(first.targetServiceRevision.requestedProductionTrafficWeight).toBe(0);
    await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: first.serviceDeploymentArn, hookId: awaiting(first).hookId, action: "CONTINUE" }));
    const second = await waitFor("the pause before the second step", async () => { const d = await latest("stepwise"); return d.lifecycleHookDetails?.length === 2 && awaiting(d) && d; });
    expect(second.lifecycleStage).toBe("PRE_PRODUCTION_TRAFFIC_SHIFT");
    expect((await weights()).green).toBe(10);
    await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: second.serviceDeploymentArn, hookId: awaiting(second).hookId, action: "CONTINUE" }));
    const done = await waitFor("the canary to finish", async () => { const d = await latest("stepwise"); return d.status === "SUCCESSFUL" && d; });
    expect(done.lifecycleHookDetails).toHaveLength(2);
  }, 60_000);

  it("two Lambda hooks at different stages: both invoked in stage order (recorded), the second failing rolls back", async () => {
    const hook = (name, lifecycleStages) => ({ hookTargetArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`, roleArn: "arn:aws:iam::123456789012:role/hooks", lifecycleStages });
    await shiftingService("two-hooks", { strategy: "LINEAR", bakeTimeInMinutes: 0, linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 0 }, lifecycleHooks: [hook("gate-fail", ["POST_PRODUCTION_TRAFFIC_SHIFT"]), hook("smoke", ["POST_SCALE_UP", "PRODUCTION_TRAFFIC_SHIFT"])] });
    await ecs.send(new UpdateServiceCommand({ cluster, service: "two-hooks", taskDefinition: "web:2" }));
    const after = await waitFor("the rollback", async () => { const d = await latest("two-hooks"); return d.status === "ROLLBACK_SUCCESSFUL" && d; });
    expect(after.rollback.reason).toBe("Lifecycle hook gate-fail failed in POST_PRODUCTION_TRAFFIC_SHIFT.");
    const calls = (await hookInvocations(sandbox.endpoint)).filter((c) => c.serviceDeploymentArn === after.serviceDeploymentArn);
    // smoke at scale-up and at each of the two linear steps, then gate-fail after the shift.
    expect(calls.map((c) => `${c.hookTargetArn.split(":").pop()} ${c.stage} ${c.status}`)).toEqual([
      "smoke POST_SCALE_UP SUCCEEDED", "smoke PRODUCTION_TRAFFIC_SHIFT SUCCEEDED", "smoke PRODUCTION_TRAFFIC_SHIFT SUCCEEDED", "gate-fail POST_PRODUCTION_TRAFFIC_SHIFT FAILED",
    ]);
    expect((await weights()).green).toBe(0);
  }, 60_000);

  it("a watched alarm in ALARM rolls a canary back, with the alarm named", async () => {
    const cw = new CloudWatchClient(clientConfig(sandbox.endpoint));
    await cw.send(new PutMetricAlarmCommand({ AlarmName: "web-5xx", Namespace: "Test", MetricName: "Errors", Statistic: "Sum", Period: 86400, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: "GreaterThanOrEqualToThreshold" }));
    await shiftingService("watched", { strategy: "CANARY", bakeTimeInMinutes: 1, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 20 }, alarms: { alarmNames: ["web-5xx"], enable: true, rollback: true } });
    await ecs.send(new UpdateServiceCommand({ cluster, service: "watched", taskDefinition: "web:3" }));
    await waitFor("10 % on green", async () => (await weights()).green === 10);
    await cw.send(new SetAlarmStateCommand({ AlarmName: "web-5xx", StateValue: "ALARM", StateReason: "test" }));
    const after = await waitFor("the rollback", async () => { const d = await latest("watched"); return d.status === "ROLLBACK_SUCCESSFUL" && d; });
    expect(after.rollback.reason).toBe("CloudWatch alarm web-5xx is in ALARM.");
    expect(after.alarms).toMatchObject({ status: "TRIGGERED", triggeredAlarmNames: ["web-5xx"] });
    expect(await weights()).toEqual({ blue: 100, green: 0 });
  }, 60_000);

  it("a watched alarm in ALARM rolls a rolling deployment back to the last completed revision", async () => {
    const cw = new CloudWatchClient(clientConfig(sandbox.endpoint));
    await cw.send(new PutMetricAlarmCommand({ AlarmName: "rolling-5xx", Namespace: "Test", MetricName: "Errors", Statistic: "Sum", Period: 86400, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: "GreaterThanOrEqualToThreshold" }));
    await cw.send(new SetAlarmStateCommand({ AlarmName: "rolling-5xx", StateValue: "ALARM", StateReason: "test" }));
    await ecs.send(new CreateServiceCommand({ cluster, serviceName: "rolling", taskDefinition: "web:1", desiredCount: 1, launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets, securityGroups } } }));
    await waitFor("the first deployment", async () => (await latest("rolling")).status === "SUCCESSFUL");
    await ecs.send(new UpdateServiceCommand({ cluster, service: "rolling", taskDefinition: "web:2", deploymentConfiguration: { alarms: { alarmNames: ["rolling-5xx"], enable: true, rollback: true } } }));
    const after = await waitFor("the rollback", async () => { const d = await latest("rolling"); return d.status === "ROLLBACK_SUCCESSFUL" && d; });
    expect(after.rollback.reason).toBe("CloudWatch alarm rolling-5xx is in ALARM.");
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster, services: ["rolling"] }))).services[0];
    expect(svc.taskDefinition.split("/").pop()).toBe("web:1");
  }, 60_000);
});
