import { describe, expect, it } from "vitest";
import { managedScalingSchema, queueScalingSchema, scheduledScalingSchema, serviceScalingSchema } from "@/lib/ecs/scaling/schema";
import {
  buildManagedScalingPlan,
  buildQueueScalingPlan,
  buildRemoveScalingPlan,
  buildScheduledScalingPlan,
  buildServiceScalingPlan,
  requestCountResourceLabel,
  scaleOutAdjustments,
} from "./plan";

const base = { connectionId: "c1", region: "us-east-1", cluster: "prod", service: "web" };
const off = { enabled: false, target: 0 };
const TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/0123456789abcdef";
const LB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web-alb/fedcba9876543210";
const target = { ServiceNamespace: "ecs", ResourceId: "service/prod/web", ScalableDimension: "ecs:service:DesiredCount" };

describe("buildServiceScalingPlan", () => {
  it("registers the target then one tracking policy per metric, undone by deregistering", () => {
    const input = serviceScalingSchema.parse({ ...base, minTasks: 1, maxTasks: 10, cpu: { enabled: true, target: 60 }, memory: off, requests: { enabled: true, target: 500, targetGroupArn: TG, loadBalancerArn: LB } });
    const plan = buildServiceScalingPlan(input, { range: null, policyNames: [] });
    expect(plan.steps.map((s) => `${s.service}:${s.operation}`)).toEqual([
      "appautoscaling:RegisterScalableTarget",
      "appautoscaling:PutScalingPolicy",
      "appautoscaling:PutScalingPolicy",
    ]);
    expect(plan.steps[0]!.input).toEqual({ ...target, MinCapacity: 1, MaxCapacity: 10 });
    expect(plan.steps[0]!.inverse).toMatchObject({ operation: "DeregisterScalableTarget", input: target });
    expect(plan.steps[1]!.input).toEqual({
      ...target,
      PolicyName: "web-cpu-target-tracking",
      PolicyType: "TargetTrackingScaling",
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 60,
        PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" },
        ScaleOutCooldown: 300,
        ScaleInCooldown: 300,
        DisableScaleIn: false,
      },
    });
    expect(plan.steps[2]!.input).toMatchObject({
      TargetTrackingScalingPolicyConfiguration: {
        PredefinedMetricSpecification: { PredefinedMetricType: "ALBRequestCountPerTarget", ResourceLabel: "app/web-alb/fedcba9876543210/targetgroup/web-tg/0123456789abcdef" },
      },
    });
    expect(plan.landing).toBe("/ecs/clusters/prod/services/web/scaling");
    expect(plan.resources).toEqual(["ecs:service/prod/web"]);
  });

  it("re-ranges an existing target (undo restores the old range) and deletes policies switched off", () => {
    const input = serviceScalingSchema.parse({ ...base, minTasks: 2, maxTasks: 8, cpu: off, memory: { enabled: true, target: 75 }, requests: off });
    const plan = buildServiceScalingPlan(input, { range: { min: 1, max: 4 }, policyNames: ["web-cpu-target-tracking", "web-memory-target-tracking", "someone-elses"] });
    expect(plan.steps.map((s) => s.operation)).toEqual(["RegisterScalableTarget", "DeleteScalingPolicy", "PutScalingPolicy"]);
    expect(plan.steps[0]!.inverse).toMatchObject({ operation: "RegisterScalableTarget", input: { MinCapacity: 1, MaxCapacity: 4 } });
    expect(plan.steps[1]!.input).toMatchObject({ PolicyName: "web-cpu-target-tracking" });
    // An existing policy being updated has no inverse: deleting it would not restore the old one.
    expect(plan.steps[2]!.inverse).toBeUndefined();
  });

  it("cuts the request-count label from the ARNs and refuses anything else", () => {
    expect(requestCountResourceLabel(LB, TG)).toBe("app/web-alb/fedcba9876543210/targetgroup/web-tg/0123456789abcdef");
    expect(() => requestCountResourceLabel("arn:aws:s3:::bucket", TG)).toThrow();
  });
});

describe("buildQueueScalingPlan", () => {
  const input = queueScalingSchema.parse({
    ...base,
    minTasks: 0,
    maxTasks: 20,
    queueMode: "create",
    queueName: "jobs",
    steps: [{ from: 10, to: 100, change: 1 }, { from: 100, to: 500, change: 3 }, { from: 500, change: 10 }],
    scaleInAt: 2,
  });

  it("expresses steps relative to the alarm threshold", () => {
    expect(scaleOutAdjustments(input.steps)).toEqual([
      { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 90, ScalingAdjustment: 1 },
      { MetricIntervalLowerBound: 90, MetricIntervalUpperBound: 490, ScalingAdjustment: 3 },
      { MetricIntervalLowerBound: 490, ScalingAdjustment: 10 },
    ]);
  });

  it("creates queue, target, policies and alarms wired to the policies' ARNs", () => {
    const plan = buildQueueScalingPlan(input, { range: null });
    expect(plan.steps.map((s) => s.key)).toEqual(["queue", "target", "policy-out", "alarm-out", "policy-in", "alarm-in"]);
    const alarmOut = plan.steps.find((s) => s.key === "alarm-out")!;
    expect(alarmOut.input).toMatchObject({
      Namespace: "AWS/SQS",
      MetricName: "ApproximateNumberOfMessagesVisible",
      Dimensions: [{ Name: "QueueName", Value: "jobs" }],
      Threshold: 10,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      AlarmActions: [{ $ref: "policy-out.policyArn" }],
    });
    const alarmIn = plan.steps.find((s) => s.key === "alarm-in")!;
    expect(alarmIn.input).toMatchObject({ Threshold: 2, ComparisonOperator: "LessThanOrEqualToThreshold", AlarmActions: [{ $ref: "policy-in.policyArn" }] });
    expect(plan.steps.find((s) => s.key === "policy-in")!.input).toMatchObject({
      StepScalingPolicyConfiguration: { AdjustmentType: "ChangeInCapacity", StepAdjustments: [{ MetricIntervalUpperBound: 0, ScalingAdjustment: -1 }] },
    });
    expect(plan.steps[0]!.inverse).toMatchObject({ operation: "DeleteQueue", input: { QueueUrl: { $ref: "queue.queueUrl" } } });
    expect(plan.resources).toContain("sqs:queue/jobs");
  });

  it("uses an existing queue without creating one", () => {
    const plan = buildQueueScalingPlan({ ...input, queueMode: "existing" }, { range: { min: 1, max: 5 } });
    expect(plan.steps[0]!.operation).toBe("RegisterScalableTarget");
  });
});

describe("buildScheduledScalingPlan", () => {
  const input = scheduledScalingSchema.parse({ ...base, minTasks: 4, maxTasks: 20, name: "business-hours", expression: "cron(0 8 ? * MON-FRI *)", timezone: "Europe/Berlin" });

  it("registers a target first when the service has none", () => {
    const plan = buildScheduledScalingPlan(input, { range: null });
    expect(plan.steps.map((s) => s.operation)).toEqual(["RegisterScalableTarget", "PutScheduledAction"]);
    expect(plan.steps[1]!.input).toEqual({
      ...target,
      ScheduledActionName: "business-hours",
      Schedule: "cron(0 8 ? * MON-FRI *)",
      Timezone: "Europe/Berlin",
      ScalableTargetAction: { MinCapacity: 4, MaxCapacity: 20 },
    });
    expect(plan.steps[1]!.inverse).toMatchObject({ operation: "DeleteScheduledAction" });
  });

  it("leaves an existing target's range alone", () => {
    expect(buildScheduledScalingPlan(input, { range: { min: 1, max: 3 } }).steps.map((s) => s.operation)).toEqual(["PutScheduledAction"]);
  });
});

describe("buildRemoveScalingPlan and buildManagedScalingPlan", () => {
  it("deregisters the target and deletes Portside's alarms", () => {
    const plan = buildRemoveScalingPlan(base, { alarmNames: ["portside-prod-web-queue-high", "portside-prod-web-queue-low"] });
    expect(plan.steps.map((s) => s.operation)).toEqual(["DeregisterScalableTarget", "DeleteAlarms"]);
    expect(buildRemoveScalingPlan(base, { alarmNames: [] }).steps).toHaveLength(1);
  });

  it("deletes the policies and scheduled actions before deregistering the target", () => {
    const plan = buildRemoveScalingPlan(base, { alarmNames: ["portside-prod-web-queue-high"], policyNames: ["web-cpu-target-tracking"], scheduledNames: ["nights"] });
    expect(plan.steps.map((s) => s.operation)).toEqual(["DeleteScalingPolicy", "DeleteScheduledAction", "DeregisterScalableTarget", "DeleteAlarms"]);
    expect(plan.steps[0]!.input).toEqual({ ...target, PolicyName: "web-cpu-target-tracking" });
    expect(plan.steps[1]!.input).toEqual({ ...target, ScheduledActionName: "nights" });
    expect(new Set(plan.steps.map((s) => s.key)).size).toBe(4);
  });

  it("updates managed scaling and restores the previous settings on undo", () => {
    const input = managedScalingSchema.parse({ connectionId: "c1", region: "us-east-1", cluster: "prod", capacityProvider: "cp", targetCapacity: 80, maximumScalingStepSize: 5 });
    const plan = buildManagedScalingPlan(input, { enabled: true, targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 300 });
    expect(plan.steps[0]!.input).toEqual({
      name: "cp",
      autoScalingGroupProvider: { managedScaling: { status: "ENABLED", targetCapacity: 80, minimumScalingStepSize: 1, maximumScalingStepSize: 5, instanceWarmupPeriod: 300 } },
    });
    expect(plan.steps[0]!.inverse!.input).toMatchObject({ autoScalingGroupProvider: { managedScaling: { targetCapacity: 100, maximumScalingStepSize: 10000 } } });
  });
});
