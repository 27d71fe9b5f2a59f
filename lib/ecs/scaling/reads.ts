import "server-only";
import { sharedReader } from "@/lib/core/live/shared-read";
import {
  DescribeScalableTargetsCommand,
  DescribeScalingActivitiesCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
  type ScalingPolicy,
} from "@aws-sdk/client-application-auto-scaling";
import { DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { AwsOperationError } from "@/lib/core/errors";
import { ECS_DIMENSION, ECS_NAMESPACE, queueAlarmName, resourceId } from "@/lib/ecs/scaling/plan";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { guarded } from "@/lib/core/aws/guarded";

export type AlarmView = { name: string; state: string; reason: string; updatedAt: string | null; threshold: number | null; metric: string | null };

export type PolicyView = {
  name: string;
  arn: string;
  type: "TargetTrackingScaling" | "StepScaling" | string;
  /** Target tracking: the predefined metric (ECSServiceAverageCPUUtilization…) and target value. */
  metric: string | null;
  targetValue: number | null;
  resourceLabel: string | null;
  scaleOutCooldown: number | null;
  scaleInCooldown: number | null;
  disableScaleIn: boolean;
  /** Step scaling: adjustments relative to the alarm threshold. */
  steps: { lower: number | null; upper: number | null; change: number }[];
  cooldown: number | null;
  alarms: AlarmView[];
};

export type ScheduledActionView = { name: string; schedule: string; timezone: string; min: number | null; max: number | null; createdAt: string | null };

export type ActivityView = { id: string; description: string; cause: string; status: string; message: string | null; startedAt: string | null; endedAt: string | null };

export type ServiceScaling = {
  target: { min: number; max: number } | null;
  policies: PolicyView[];
  scheduled: ScheduledActionView[];
  /** Recent scaling activities, or why they could not be read (the rest of the view still works). */
  activities: { items: ActivityView[]; error?: undefined } | { items?: undefined; error: { message: string; requestId?: string } };
};

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

/** An alarm as read, with the actions it invokes (how a step policy's alarms are found). */
export type AlarmRead = AlarmView & { actions: string[] };

/**
 * The alarms that invoke a policy: the ones the policy lists, or — when it lists none, as some
 * endpoints leave a step policy's Alarms empty — the alarms read whose actions name the policy's ARN.
 */
export function alarmsOfPolicy(p: Pick<ScalingPolicy, "Alarms" | "PolicyARN">, alarms: Map<string, AlarmRead>): AlarmView[] {
  const strip = ({ actions: _actions, ...view }: AlarmRead): AlarmView => view;
  const listed = (p.Alarms ?? []).map((a) => a.AlarmName ?? "").filter(Boolean);
  if (listed.length) return listed.map((name) => (alarms.has(name) ? strip(alarms.get(name)!) : { name, state: "UNKNOWN", reason: "", updatedAt: null, threshold: null, metric: null }));
  return p.PolicyARN ? [...alarms.values()].filter((a) => a.actions.includes(p.PolicyARN!)).map(strip) : [];
}

function toPolicy(p: ScalingPolicy, alarms: Map<string, AlarmRead>): PolicyView {
  const tt = p.TargetTrackingScalingPolicyConfiguration;
  const step = p.StepScalingPolicyConfiguration;
  return {
    name: p.PolicyName ?? "",
    arn: p.PolicyARN ?? "",
    type: p.PolicyType ?? "",
    metric: tt?.PredefinedMetricSpecification?.PredefinedMetricType ?? (tt?.CustomizedMetricSpecification?.MetricName ?? null),
    targetValue: tt?.TargetValue ?? null,
    resourceLabel: tt?.PredefinedMetricSpecification?.ResourceLabel ?? null,
    scaleOutCooldown: tt?.ScaleOutCooldown ?? null,
    scaleInCooldown: tt?.ScaleInCooldown ?? null,
    disableScaleIn: tt?.DisableScaleIn ?? false,
    steps: (step?.StepAdjustments ?? []).map((s) => ({ lower: s.MetricIntervalLowerBound ?? null, upper: s.MetricIntervalUpperBound ?? null, change: s.ScalingAdjustment ?? 0 })),
    cooldown: step?.Cooldown ?? null,
    alarms: alarmsOfPolicy(p, alarms),
  };
}

/** Alarm states by name (DescribeAlarms takes 100 names per call). */
async function describeAlarms(conn: ConnectionSettings, region: string, names: string[]): Promise<Map<string, AlarmRead>> {
  const out = new Map<string, AlarmRead>();
  const client = awsClient(conn, region, "cloudwatch");
  for (let i = 0; i < names.length; i += 100) {
    const page = await guarded(conn, "cloudwatch", "DescribeAlarms", () => client.send(new DescribeAlarmsCommand({ AlarmNames: names.slice(i, i + 100), MaxRecords: 100 })));
    for (const a of page.MetricAlarms ?? []) {
      out.set(a.AlarmName ?? "", {
        name: a.AlarmName ?? "",
        state: a.StateValue ?? "INSUFFICIENT_DATA",
        reason: a.StateReason ?? "",
        updatedAt: iso(a.StateUpdatedTimestamp),
        threshold: a.Threshold ?? null,
        metric: a.MetricName ? `${a.Namespace}/${a.MetricName}` : null,
        actions: a.AlarmActions ?? [],
      });
    }
  }
  return out;
}

/**
 * Everything about one service's auto scaling: its scalable target (null when auto scaling is
 * off), policies with their CloudWatch alarms and states, scheduled actions, recent activities.
 */
async function getServiceScalingFromAws(conn: ConnectionSettings, region: string, cluster: string, service: string): Promise<ServiceScaling> {
  const client = awsClient(conn, region, "appautoscaling");
  const ResourceId = resourceId(cluster, service);
  const scope = { ServiceNamespace: ECS_NAMESPACE, ResourceId, ScalableDimension: ECS_DIMENSION } as const;
  const [targets, policies, scheduled, activities] = await Promise.all([
    guarded(conn, "application-autoscaling", "DescribeScalableTargets", () =>
      client.send(new DescribeScalableTargetsCommand({ ServiceNamespace: ECS_NAMESPACE, ResourceIds: [ResourceId], ScalableDimension: ECS_DIMENSION })),
    ),
    guarded(conn, "application-autoscaling", "DescribeScalingPolicies", () => client.send(new DescribeScalingPoliciesCommand({ ...scope, MaxResults: 50 }))),
    guarded(conn, "application-autoscaling", "DescribeScheduledActions", () => client.send(new DescribeScheduledActionsCommand({ ...scope, MaxResults: 50 }))),
    guarded(conn, "application-autoscaling", "DescribeScalingActivities", () => client.send(new DescribeScalingActivitiesCommand({ ...scope, MaxResults: 20 }))).then(
      (out) => ({
        items: (out.ScalingActivities ?? []).map((a) => ({
          id: a.ActivityId ?? "",
          description: a.Description ?? "",
          cause: a.Cause ?? "",
          status: a.StatusCode ?? "",
          message: a.StatusMessage ?? null,
          startedAt: iso(a.StartTime),
          endedAt: iso(a.EndTime),
        })),
      }),
      (error: unknown) => ({ error: error instanceof AwsOperationError ? { message: error.message, requestId: error.details.requestId } : { message: "Could not read scaling activities." } }),
    ),
  ]);
  const target = targets.ScalableTargets?.[0];
  const listed = (policies.ScalingPolicies ?? []).flatMap((p) => (p.Alarms ?? []).map((a) => a.AlarmName ?? ""));
  // Step policies whose Alarms come back empty: Portside's own queue alarms are found by name.
  const unlisted = (policies.ScalingPolicies ?? []).some((p) => p.PolicyType === "StepScaling" && !p.Alarms?.length);
  const queueAlarms = unlisted ? (["out", "in"] as const).map((d) => queueAlarmName(cluster, service, d)) : [];
  const alarmNames = [...new Set([...listed, ...queueAlarms].filter(Boolean))];
  const alarms = alarmNames.length ? await describeAlarms(conn, region, alarmNames) : new Map<string, AlarmRead>();
  return {
    target: target ? { min: target.MinCapacity ?? 0, max: target.MaxCapacity ?? 0 } : null,
    policies: (policies.ScalingPolicies ?? []).map((p) => toPolicy(p, alarms)),
    scheduled: (scheduled.ScheduledActions ?? []).map((a) => ({
      name: a.ScheduledActionName ?? "",
      schedule: a.Schedule ?? "",
      timezone: a.Timezone ?? "UTC",
      min: a.ScalableTargetAction?.MinCapacity ?? null,
      max: a.ScalableTargetAction?.MaxCapacity ?? null,
      createdAt: iso(a.CreationTime),
    })),
    activities,
  };
}

/** The alarms Portside created for queue-driven scaling of this service that exist now. */
async function queueAlarmsOfFromAws(conn: ConnectionSettings, region: string, names: string[]): Promise<string[]> {
  return [...(await describeAlarms(conn, region, names)).keys()];
}

// Shared by every caller for a moment (see lib/core/live/shared-read.ts): many people browsing cost AWS one read.
export const getServiceScaling = sharedReader("scaling:getServiceScaling", getServiceScalingFromAws);
export const queueAlarmsOf = sharedReader("scaling:queueAlarmsOf", queueAlarmsOfFromAws);
