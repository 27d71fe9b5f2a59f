import type { ManagedScalingInput, QueueScalingInput, RemoveScalingInput, ScheduledScalingInput, ServiceScalingInput, TrackedMetric } from "@/lib/ecs/scaling/schema";
import type { Plan, PlanStep } from "@/lib/core/plans/types";
import { plural, pluralWord } from "@/lib/core/format/plural";

/** Application Auto Scaling's names for an ECS service's desired count. */
export const ECS_NAMESPACE = "ecs";
export const ECS_DIMENSION = "ecs:service:DesiredCount";
export const resourceId = (cluster: string, service: string) => `service/${cluster}/${service}`;

const PREDEFINED: Record<TrackedMetric, { type: string; label: string }> = {
  cpu: { type: "ECSServiceAverageCPUUtilization", label: "average CPU utilization" },
  memory: { type: "ECSServiceAverageMemoryUtilization", label: "average memory utilization" },
  requests: { type: "ALBRequestCountPerTarget", label: "ALB requests per target" },
};

/** Names Portside gives the policies it manages, so a later edit finds and replaces them. */
export const trackingPolicyName = (service: string, metric: TrackedMetric) => `${service}-${metric}-target-tracking`;
export const queuePolicyName = (service: string, direction: "out" | "in") => `${service}-queue-scale-${direction}`;
export const queueAlarmName = (cluster: string, service: string, direction: "out" | "in") => `portside-${cluster}-${service}-queue-${direction === "out" ? "high" : "low"}`;

/**
 * The ResourceLabel of ALBRequestCountPerTarget: "app/<lb>/<id>/targetgroup/<tg>/<id>", cut from
 * the load balancer's and target group's ARNs.
 */
export function requestCountResourceLabel(loadBalancerArn: string, targetGroupArn: string): string {
  const lb = loadBalancerArn.split(":loadbalancer/")[1];
  const tg = targetGroupArn.split(":")[5];
  if (!lb || !tg?.startsWith("targetgroup/")) throw new Error("Not a load balancer and target group ARN");
  return `${lb}/${tg}`;
}

const service = (input: { cluster: string; service: string }) => ({
  resources: [`ecs:service/${input.cluster}/${input.service}`],
  landing: `/ecs/clusters/${encodeURIComponent(input.cluster)}/services/${encodeURIComponent(input.service)}/scaling`,
});

function registerTarget(input: { cluster: string; service: string; minTasks: number; maxTasks: number }, previous: { min: number; max: number } | null): PlanStep {
  const target = { ServiceNamespace: ECS_NAMESPACE, ResourceId: resourceId(input.cluster, input.service), ScalableDimension: ECS_DIMENSION };
  return {
    key: "target",
    service: "appautoscaling",
    operation: "RegisterScalableTarget",
    description: `Let Application Auto Scaling run ${input.service} between ${input.minTasks} and ${input.maxTasks} tasks`,
    input: { ...target, MinCapacity: input.minTasks, MaxCapacity: input.maxTasks },
    // Undo: put the old range back, or stop auto scaling the service if there was none.
    inverse: previous
      ? { service: "appautoscaling", operation: "RegisterScalableTarget", description: `Restore ${input.service}'s range ${previous.min}–${previous.max}`, input: { ...target, MinCapacity: previous.min, MaxCapacity: previous.max } }
      : { service: "appautoscaling", operation: "DeregisterScalableTarget", description: `Stop auto scaling ${input.service}`, input: target },
  };
}

function deletePolicyRequest(input: { cluster: string; service: string }, name: string) {
  return {
    service: "appautoscaling",
    operation: "DeleteScalingPolicy",
    description: `Delete scaling policy ${name}`,
    input: { PolicyName: name, ServiceNamespace: ECS_NAMESPACE, ResourceId: resourceId(input.cluster, input.service), ScalableDimension: ECS_DIMENSION },
  };
}

function deletePolicy(input: { cluster: string; service: string }, name: string): PlanStep {
  return { key: `delete-${name}`, ...deletePolicyRequest(input, name) };
}

/**
 * Target tracking: register (or re-range) the scalable target, put one policy per chosen metric and
 * delete Portside's policies for metrics that were switched off. Application Auto Scaling creates
 * and owns the CloudWatch alarms of target tracking policies.
 * @param current what AWS holds now: the target's range (null if none) and the policy names present.
 */
export function buildServiceScalingPlan(input: ServiceScalingInput, current: { range: { min: number; max: number } | null; policyNames: string[] }): Plan {
  const steps: PlanStep[] = [registerTarget(input, current.range)];
  for (const metric of ["cpu", "memory", "requests"] as const) {
    const policy = input[metric];
    const name = trackingPolicyName(input.service, metric);
    if (!policy.enabled) {
      if (current.policyNames.includes(name)) steps.push(deletePolicy(input, name));
      continue;
    }
    const spec: Record<string, unknown> = { PredefinedMetricType: PREDEFINED[metric].type };
    if (metric === "requests") spec.ResourceLabel = requestCountResourceLabel(input.requests.loadBalancerArn, input.requests.targetGroupArn);
    steps.push({
      key: `policy-${metric}`,
      service: "appautoscaling",
      operation: "PutScalingPolicy",
      description: `Keep ${PREDEFINED[metric].label} of ${input.service} at ${policy.target}${metric === "requests" ? "" : "%"}`,
      dependsOn: ["target"],
      input: {
        PolicyName: name,
        ServiceNamespace: ECS_NAMESPACE,
        ResourceId: resourceId(input.cluster, input.service),
        ScalableDimension: ECS_DIMENSION,
        PolicyType: "TargetTrackingScaling",
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: policy.target,
          PredefinedMetricSpecification: spec,
          ScaleOutCooldown: policy.scaleOutCooldown,
          ScaleInCooldown: policy.scaleInCooldown,
          DisableScaleIn: policy.disableScaleIn,
        },
      },
      produces: { policyArn: "PolicyARN" },
      inverse: current.policyNames.includes(name) ? undefined : deletePolicyRequest(input, name),
    });
  }
  return {
    version: 1,
    wizard: "ecs-service-scaling",
    title: `Auto scaling for ${input.service}: ${input.minTasks}–${input.maxTasks} tasks`,
    ...service(input),
    steps,
  };
}

/** Step adjustments relative to the alarm threshold, as PutScalingPolicy wants them. */
export function scaleOutAdjustments(steps: QueueScalingInput["steps"]) {
  const threshold = steps[0]!.from;
  return steps.map((s) => ({
    MetricIntervalLowerBound: s.from - threshold,
    ...(s.to === null ? {} : { MetricIntervalUpperBound: s.to - threshold }),
    ScalingAdjustment: s.change,
  }));
}

function queueAlarm(input: QueueScalingInput, direction: "out" | "in", policyKey: string): PlanStep {
  const name = queueAlarmName(input.cluster, input.service, direction);
  const threshold = direction === "out" ? input.steps[0]!.from : input.scaleInAt;
  return {
    key: `alarm-${direction}`,
    service: "cloudwatch",
    operation: "PutMetricAlarm",
    description: `Alarm when ${input.queueName} has ${direction === "out" ? "≥" : "≤"} ${threshold} visible messages → scale ${direction}`,
    dependsOn: [policyKey],
    input: {
      AlarmName: name,
      AlarmDescription: `Portside: scale ECS service ${input.cluster}/${input.service} ${direction} on SQS queue ${input.queueName}`,
      Namespace: "AWS/SQS",
      MetricName: "ApproximateNumberOfMessagesVisible",
      Dimensions: [{ Name: "QueueName", Value: input.queueName }],
      Statistic: "Average",
      Period: 60,
      EvaluationPeriods: input.evaluationPeriods,
      Threshold: threshold,
      ComparisonOperator: direction === "out" ? "GreaterThanOrEqualToThreshold" : "LessThanOrEqualToThreshold",
      TreatMissingData: direction === "out" ? "notBreaching" : "breaching",
      AlarmActions: [{ $ref: `${policyKey}.policyArn` }],
    },
    inverse: { service: "cloudwatch", operation: "DeleteAlarms", description: `Delete alarm ${name}`, input: { AlarmNames: [name] } },
  };
}

/**
 * Queue-driven scaling (the worker-drains-a-queue pattern): optional CreateQueue, the scalable
 * target, a step scaling policy out and one in, each fired by a CloudWatch alarm on the queue's
 * visible messages.
 */
export function buildQueueScalingPlan(input: QueueScalingInput, current: { range: { min: number; max: number } | null }): Plan {
  const rid = resourceId(input.cluster, input.service);
  const policy = (direction: "out" | "in"): PlanStep => ({
    key: `policy-${direction}`,
    service: "appautoscaling",
    operation: "PutScalingPolicy",
    description:
      direction === "out"
        ? `Add tasks to ${input.service} as ${input.queueName} fills (${plural(input.steps.length, "step")})`
        : `Remove ${plural(input.scaleInChange, "task")} from ${input.service} when ${input.queueName} is nearly empty`,
    dependsOn: ["target"],
    input: {
      PolicyName: queuePolicyName(input.service, direction),
      ServiceNamespace: ECS_NAMESPACE,
      ResourceId: rid,
      ScalableDimension: ECS_DIMENSION,
      PolicyType: "StepScaling",
      StepScalingPolicyConfiguration: {
        AdjustmentType: "ChangeInCapacity",
        Cooldown: input.cooldown,
        MetricAggregationType: "Average",
        StepAdjustments:
          direction === "out" ? scaleOutAdjustments(input.steps) : [{ MetricIntervalUpperBound: 0, ScalingAdjustment: -input.scaleInChange }],
      },
    },
    produces: { policyArn: "PolicyARN" },
    inverse: deletePolicyRequest(input, queuePolicyName(input.service, direction)),
  });
  const queue: PlanStep[] =
    input.queueMode === "create"
      ? [
          {
            key: "queue",
            service: "sqs",
            operation: "CreateQueue",
            description: `Create SQS queue ${input.queueName}`,
            input: { QueueName: input.queueName, ...(input.queueName.endsWith(".fifo") ? { Attributes: { FifoQueue: "true" } } : {}) },
            produces: { queueUrl: "QueueUrl" },
            inverse: { service: "sqs", operation: "DeleteQueue", description: `Delete SQS queue ${input.queueName}`, input: { QueueUrl: { $ref: "queue.queueUrl" } } },
          },
        ]
      : [];
  return {
    version: 1,
    wizard: "ecs-queue-scaling",
    title: `Scale ${input.service} on SQS queue ${input.queueName}`,
    ...service(input),
    resources: [`ecs:service/${input.cluster}/${input.service}`, `sqs:queue/${input.queueName}`],
    steps: [...queue, registerTarget(input, current.range), policy("out"), queueAlarm(input, "out", "policy-out"), policy("in"), queueAlarm(input, "in", "policy-in")],
  };
}

/** Scheduled scaling: at the expression's times, set the service's min/max tasks. */
export function buildScheduledScalingPlan(input: ScheduledScalingInput, current: { range: { min: number; max: number } | null }): Plan {
  const target = { ServiceNamespace: ECS_NAMESPACE, ResourceId: resourceId(input.cluster, input.service), ScalableDimension: ECS_DIMENSION };
  const steps: PlanStep[] = [];
  // A scheduled action needs a scalable target; keep the present range, or start with the scheduled one.
  if (!current.range) steps.push(registerTarget(input, null));
  steps.push({
    key: "scheduled",
    service: "appautoscaling",
    operation: "PutScheduledAction",
    description: `At ${input.expression} (${input.timezone}) set ${input.service} to ${input.minTasks}–${input.maxTasks} tasks`,
    dependsOn: steps.length ? ["target"] : undefined,
    input: {
      ...target,
      ScheduledActionName: input.name,
      Schedule: input.expression,
      Timezone: input.timezone,
      ScalableTargetAction: { MinCapacity: input.minTasks, MaxCapacity: input.maxTasks },
    },
    inverse: { service: "appautoscaling", operation: "DeleteScheduledAction", description: `Delete scheduled action ${input.name}`, input: { ...target, ScheduledActionName: input.name } },
  });
  return { version: 1, wizard: "ecs-scheduled-scaling", title: `Scheduled scaling for ${input.service}: ${input.name}`, ...service(input), steps };
}

/**
 * Turn auto scaling off: deregistering the scalable target deletes its policies and scheduled
 * actions; the CloudWatch alarms Portside created for queue scaling are deleted too (AWS keeps
 * them otherwise, alarming into nothing). The service keeps its current desired count.
 */
export function buildRemoveScalingPlan(input: RemoveScalingInput, current: { alarmNames: string[]; policyNames?: string[]; scheduledNames?: string[] }): Plan {
  const target = { ServiceNamespace: ECS_NAMESPACE, ResourceId: resourceId(input.cluster, input.service), ScalableDimension: ECS_DIMENSION };
  // AWS deletes a target's policies and scheduled actions with it; deleting them first says so in
  // the review, records each one, and leaves nothing behind where an endpoint (moto) does not.
  const steps: PlanStep[] = [
    ...(current.policyNames ?? []).map((name): PlanStep => deletePolicy(input, name)),
    ...(current.scheduledNames ?? []).map((name): PlanStep => ({
      key: `delete-schedule-${name}`,
      service: "appautoscaling",
      operation: "DeleteScheduledAction",
      description: `Delete scheduled action ${name}`,
      input: { ...target, ScheduledActionName: name },
    })),
    {
      key: "deregister",
      service: "appautoscaling",
      operation: "DeregisterScalableTarget",
      description: `Stop auto scaling ${input.service} (its policies and scheduled actions go with it)`,
      input: target,
    },
  ];
  if (current.alarmNames.length) {
    steps.push({
      key: "alarms",
      service: "cloudwatch",
      operation: "DeleteAlarms",
      description: `Delete ${pluralWord(current.alarmNames.length, "alarm")} ${current.alarmNames.join(", ")}`,
      input: { AlarmNames: current.alarmNames },
    });
  }
  return { version: 1, wizard: "ecs-remove-scaling", title: `Turn off auto scaling for ${input.service}`, ...service(input), steps };
}

/** Capacity provider managed scaling: how ECS grows and shrinks the EC2 Auto Scaling group. */
export function buildManagedScalingPlan(input: ManagedScalingInput, previous: Omit<ManagedScalingInput, "connectionId" | "region" | "cluster" | "capacityProvider" | "reviewedHash"> | null): Plan {
  const managed = (v: Pick<ManagedScalingInput, "enabled" | "targetCapacity" | "minimumScalingStepSize" | "maximumScalingStepSize" | "instanceWarmupPeriod">) => ({
    status: v.enabled ? "ENABLED" : "DISABLED",
    targetCapacity: v.targetCapacity,
    minimumScalingStepSize: v.minimumScalingStepSize,
    maximumScalingStepSize: v.maximumScalingStepSize,
    instanceWarmupPeriod: v.instanceWarmupPeriod,
  });
  return {
    version: 1,
    wizard: "ecs-managed-scaling",
    title: `Managed scaling for capacity provider ${input.capacityProvider}`,
    resources: [`ecs:cluster/${input.cluster}`, `ecs:capacity-provider/${input.capacityProvider}`],
    landing: `/ecs/clusters/${encodeURIComponent(input.cluster)}`,
    steps: [
      {
        key: "update",
        service: "ecs",
        operation: "UpdateCapacityProvider",
        description: input.enabled
          ? `Keep ${input.capacityProvider}'s instances ${input.targetCapacity}% used, adding ${input.minimumScalingStepSize}–${input.maximumScalingStepSize} at a time`
          : `Turn off managed scaling of ${input.capacityProvider}`,
        input: { name: input.capacityProvider, autoScalingGroupProvider: { managedScaling: managed(input) } },
        inverse: previous
          ? {
              service: "ecs",
              operation: "UpdateCapacityProvider",
              description: `Restore ${input.capacityProvider}'s managed scaling`,
              input: { name: input.capacityProvider, autoScalingGroupProvider: { managedScaling: managed(previous) } },
            }
          : undefined,
      },
    ],
  };
}
