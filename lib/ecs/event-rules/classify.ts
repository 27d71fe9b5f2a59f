/**
 * Which EventBridge rules the Events page lists: those that run ECS tasks (a target on an ECS
 * cluster with EcsParameters) and Portside's alert rules (aws.ecs task or deployment state
 * changes sent to an SNS topic). Pure, so it is tested without AWS.
 */
export type RuleTarget = { id: string; arn: string; kind: "ecs-task" | "sns" | "other"; detail: string };
export type RuleKind = "runs-tasks" | "task-alert" | "deployment-alert";

type RawTarget = { Id?: string; Arn?: string; EcsParameters?: { TaskDefinitionArn?: string; TaskCount?: number; LaunchType?: string; CapacityProviderStrategy?: { capacityProvider?: string }[] } };

const ECS_CLUSTER = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/(.+)$/;
const SNS_TOPIC = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:(.+)$/;

export function describeTarget(t: RawTarget): RuleTarget {
  const arn = t.Arn ?? "";
  const cluster = ECS_CLUSTER.exec(arn)?.[1];
  if (cluster && t.EcsParameters) {
    const p = t.EcsParameters;
    const how = p.CapacityProviderStrategy?.length ? p.CapacityProviderStrategy.map((c) => c.capacityProvider).join(", ") : (p.LaunchType ?? "default capacity");
    const td = (p.TaskDefinitionArn ?? "").split("/").pop() ?? "";
    return { id: t.Id ?? "", arn, kind: "ecs-task", detail: `${p.TaskCount ?? 1} × ${td} on ${cluster} (${how})` };
  }
  const topic = SNS_TOPIC.exec(arn)?.[1];
  if (topic) return { id: t.Id ?? "", arn, kind: "sns", detail: `SNS topic ${topic}` };
  return { id: t.Id ?? "", arn, kind: "other", detail: arn };
}

/** The rule's kind for the Events page, or null when it is neither. */
export function ruleKind(pattern: string, targets: RuleTarget[]): RuleKind | null {
  if (targets.some((t) => t.kind === "ecs-task")) return "runs-tasks";
  if (!targets.some((t) => t.kind === "sns") || !pattern.includes('"aws.ecs"')) return null;
  if (pattern.includes("ECS Deployment State Change")) return "deployment-alert";
  if (pattern.includes("ECS Task State Change")) return "task-alert";
  return null;
}
