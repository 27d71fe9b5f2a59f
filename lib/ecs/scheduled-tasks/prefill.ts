import { copyName, familyRevision, isSet, type PrefillResult } from "../common/prefill";

/** GetSchedule's answer, the parts that matter here (the SDK's output fits). */
export type ScheduleSource = {
  Name?: string;
  GroupName?: string;
  Description?: string;
  ScheduleExpression?: string;
  ScheduleExpressionTimezone?: string;
  State?: string;
  FlexibleTimeWindow?: { Mode?: string; MaximumWindowInMinutes?: number };
  StartDate?: Date | string;
  EndDate?: Date | string;
  ActionAfterCompletion?: string;
  KmsKeyArn?: string;
  Target?: {
    Arn?: string;
    RoleArn?: string;
    Input?: string;
    DeadLetterConfig?: { Arn?: string };
    RetryPolicy?: { MaximumEventAgeInSeconds?: number; MaximumRetryAttempts?: number };
    EcsParameters?: {
      TaskDefinitionArn?: string;
      TaskCount?: number;
      LaunchType?: string;
      NetworkConfiguration?: { awsvpcConfiguration?: { Subnets?: string[]; SecurityGroups?: string[]; AssignPublicIp?: string } };
    };
  };
};

export type SchedulePrefill = {
  scheduleName: string;
  description: string;
  expression: string;
  timezone: string;
  taskDefinition: string;
  count: string;
  vpcId: string;
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: string;
  roleMode: string;
  roleArn: string;
};

// EcsParameters the wizard does not set (it runs on Fargate with AWS's defaults).
const ECS_UNSUPPORTED = [
  "PlatformVersion", "CapacityProviderStrategy", "Group", "PlacementConstraints", "PlacementStrategy", "PropagateTags",
  "ReferenceId", "Tags", "EnableECSManagedTags", "EnableExecuteCommand",
];
// What AWS sets when a schedule is created without a retry policy.
const DEFAULT_RETRY = { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 };

/**
 * The schedule wizard's values for a copy of an existing schedule of this cluster. The copy
 * is created ENABLED in the default group with the flexible time window off, as the wizard does.
 */
export function schedulePrefill(s: ScheduleSource, ctx: { networks: { id: string; subnets: { id: string }[] }[] }): PrefillResult<Partial<SchedulePrefill>> {
  const dropped: string[] = [];
  const notes: string[] = [];
  const ecs = s.Target?.EcsParameters ?? {};
  const raw = ecs as Record<string, unknown>;
  for (const key of ECS_UNSUPPORTED) if (isSet(raw[key])) dropped.push(`EcsParameters.${key}`);
  if (ecs.LaunchType && ecs.LaunchType !== "FARGATE") dropped.push(`launch type ${ecs.LaunchType} (the copy runs on Fargate)`);
  if (s.FlexibleTimeWindow?.Mode === "FLEXIBLE") dropped.push(`flexible time window of ${s.FlexibleTimeWindow.MaximumWindowInMinutes ?? "?"} minutes`);
  if (s.StartDate) dropped.push("StartDate");
  if (s.EndDate) dropped.push("EndDate");
  if (s.ActionAfterCompletion && s.ActionAfterCompletion !== "NONE") dropped.push(`ActionAfterCompletion ${s.ActionAfterCompletion}`);
  if (s.KmsKeyArn) dropped.push("KmsKeyArn");
  if (s.Target?.Input) dropped.push("Target.Input (task overrides)");
  if (s.Target?.DeadLetterConfig?.Arn) dropped.push("dead-letter queue");
  const retry = s.Target?.RetryPolicy;
  if (retry && (retry.MaximumEventAgeInSeconds !== DEFAULT_RETRY.MaximumEventAgeInSeconds || retry.MaximumRetryAttempts !== DEFAULT_RETRY.MaximumRetryAttempts)) dropped.push("retry policy");
  if (s.GroupName && s.GroupName !== "default") notes.push(`The original is in schedule group ${s.GroupName}; the copy goes to the default group.`);
  if (s.State === "DISABLED") notes.push("The original is disabled; the copy is created enabled.");

  const net = ecs.NetworkConfiguration?.awsvpcConfiguration;
  const subnets = net?.Subnets ?? [];
  const vpc = ctx.networks.find((n) => n.subnets.some((x) => subnets.includes(x.id)));
  const values: Partial<SchedulePrefill> = {
    scheduleName: s.Name ? copyName(s.Name, 64) : "",
    description: s.Description ?? "",
    expression: s.ScheduleExpression ?? "",
    timezone: s.ScheduleExpressionTimezone ?? "UTC",
    taskDefinition: familyRevision(ecs.TaskDefinitionArn),
    count: String(ecs.TaskCount ?? 1),
    ...(vpc ? { vpcId: vpc.id } : {}),
    subnets,
    securityGroups: net?.SecurityGroups ?? [],
    assignPublicIp: net?.AssignPublicIp === "ENABLED" ? "ENABLED" : "DISABLED",
    ...(s.Target?.RoleArn ? { roleMode: "existing", roleArn: s.Target.RoleArn } : {}),
  };
  return { values, dropped, notes };
}
