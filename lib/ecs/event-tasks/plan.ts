import type { CreateEventTaskInput, DeleteEventRuleInput } from "@/lib/ecs/event-tasks/schema";
import { s3InputTransformer } from "@/lib/ecs/event-tasks/input";
import { parseEventPattern, s3ObjectCreatedPattern } from "@/lib/ecs/event-tasks/pattern";
import { taskDefinitionArn } from "../scheduled-tasks/plan";
import { trustPolicy } from "@/lib/iam/roles";
import { parsePolicy, type Need } from "@/lib/iam/policy-diff";
import { widenInlinePolicy, type RoleFacts } from "@/lib/iam/role-check";
import type { Plan, PlanStep } from "@/lib/core/plans/types";

export const EVENTS_ROLE_NAME = "PortsideEventsEcsRunTask";
export const EVENTS_POLICY_NAME = "RunEcsTasks";
/** The id of the rule's ECS target (one per rule made here). */
export const TARGET_ID = "ecs-run-task";

/** S3's notification configuration as GetBucketNotificationConfiguration reports it (plain JSON). */
export type BucketNotification = {
  TopicConfigurations?: unknown[];
  QueueConfigurations?: unknown[];
  LambdaFunctionConfigurations?: unknown[];
  EventBridgeConfiguration?: Record<string, never>;
};

/** The dead-letter queue as read: its URL (SetQueueAttributes takes it) and its access policy now ("" if none). */
export type QueueFacts = { url: string; policy: string };

/** What the action read: the reused role's policies and the roles the task hands to ECS; the bucket's notifications; the dead-letter queue. */
export type EventTaskFacts = { role: RoleFacts | null; passRoles: string[]; bucket: BucketNotification | null; queue?: QueueFacts | null };

const NO_FACTS: EventTaskFacts = { role: null, passRoles: [], bucket: null };

/** What EventBridge's role may do: run this family's tasks in this cluster, and hand their roles to ECS. */
export function eventsPolicy(clusterArn: string, family: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: "ecs:RunTask", Resource: taskDefinitionArn(clusterArn, `${family}:*`), Condition: { ArnLike: { "ecs:cluster": clusterArn } } },
      { Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { StringLike: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } } },
    ],
  });
}

function eventsNeeds(input: Pick<CreateEventTaskInput, "clusterArn" | "taskDefinition">, passRoles: string[]): Need[] {
  return [
    { action: "ecs:RunTask", resource: taskDefinitionArn(input.clusterArn, input.taskDefinition), context: { "ecs:cluster": input.clusterArn } },
    ...passRoles.map((arn) => ({ action: "iam:PassRole", resource: arn, context: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } })),
  ];
}

/** A reused role that lacks this rule's family or cluster: widened if Portside's, else a warning. */
export function eventsRoleFix(input: Pick<CreateEventTaskInput, "clusterArn" | "taskDefinition">, facts: Pick<EventTaskFacts, "role" | "passRoles">) {
  if (!facts.role) return { steps: [], warnings: [] };
  const family = input.taskDefinition.split(":")[0]!;
  return widenInlinePolicy({
    key: "widenRole",
    role: facts.role,
    policyName: EVENTS_POLICY_NAME,
    needs: eventsNeeds(input, facts.passRoles),
    wanted: parsePolicy(eventsPolicy(input.clusterArn, family))!.Statement,
    use: "every task this rule starts",
  });
}

function roleSteps(input: CreateEventTaskInput): PlanStep[] {
  const family = input.taskDefinition.split(":")[0]!;
  return [
    {
      key: "role",
      service: "iam",
      operation: "CreateRole",
      description: `Create IAM role ${EVENTS_ROLE_NAME} for EventBridge`,
      input: { RoleName: EVENTS_ROLE_NAME, AssumeRolePolicyDocument: trustPolicy("events.amazonaws.com"), Description: "Lets EventBridge rules run ECS tasks." },
      produces: { roleArn: "Role.Arn" },
      inverse: { service: "iam", operation: "DeleteRole", description: `Delete IAM role ${EVENTS_ROLE_NAME}`, input: { RoleName: EVENTS_ROLE_NAME } },
    },
    {
      key: "rolePolicy",
      service: "iam",
      operation: "PutRolePolicy",
      description: `Allow ${EVENTS_ROLE_NAME} ecs:RunTask on ${family} and iam:PassRole to ECS tasks`,
      dependsOn: ["role"],
      input: { RoleName: EVENTS_ROLE_NAME, PolicyName: EVENTS_POLICY_NAME, PolicyDocument: eventsPolicy(input.clusterArn, family) },
      inverse: { service: "iam", operation: "DeleteRolePolicy", description: `Remove the ${EVENTS_POLICY_NAME} policy from ${EVENTS_ROLE_NAME}`, input: { RoleName: EVENTS_ROLE_NAME, PolicyName: EVENTS_POLICY_NAME } },
    },
  ];
}

/**
 * Turning EventBridge on for the bucket: PutBucketNotificationConfiguration replaces the whole
 * configuration, so the topics, queues and functions already there are sent again, and the
 * inverse puts back exactly what was read. Nothing to do when it is on already.
 */
function bucketStep(bucket: string, current: BucketNotification | null): PlanStep[] {
  if (current?.EventBridgeConfiguration) return [];
  const kept: BucketNotification = {};
  for (const k of ["TopicConfigurations", "QueueConfigurations", "LambdaFunctionConfigurations"] as const) if (current?.[k]?.length) kept[k] = current[k];
  return [
    {
      key: "bucketEvents",
      service: "s3",
      operation: "PutBucketNotificationConfiguration",
      description: `Send ${bucket}'s events to Amazon EventBridge`,
      input: { Bucket: bucket, NotificationConfiguration: { ...kept, EventBridgeConfiguration: {} } },
      inverse: {
        service: "s3",
        operation: "PutBucketNotificationConfiguration",
        description: `Stop sending ${bucket}'s events to EventBridge`,
        input: { Bucket: bucket, NotificationConfiguration: kept },
      },
    },
  ];
}

/** A new bucket in the wizard's region (us-east-1 takes no location constraint); the cleanup deletes it. */
function createBucketStep(bucket: string, region: string): PlanStep {
  return {
    key: "bucket",
    service: "s3",
    operation: "CreateBucket",
    description: `Create S3 bucket ${bucket} in ${region}`,
    input: { Bucket: bucket, ...(region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: region } }) },
    inverse: { service: "s3", operation: "DeleteBucket", description: `Delete S3 bucket ${bucket} (it must be empty)`, input: { Bucket: bucket } },
  };
}

/** The rule's ARN, known before PutRule answers (the queue policy's condition names it). */
export function ruleArnOf(clusterArn: string, ruleName: string): string {
  const [, partition, , region, account] = clusterArn.split(":");
  return `arn:${partition}:events:${region}:${account}:rule/${ruleName}`;
}

type Statement = Record<string, unknown> & { Sid?: string };

/**
 * The queue's policy with one more statement: events.amazonaws.com may SendMessage, for this rule
 * only (aws:SourceArn). The queue's other statements stay; null when the policy already says so.
 */
export function deadLetterPolicy(current: string, queue: string, ruleArn: string, ruleName: string): string | null {
  let doc: { Version?: string; Id?: string; Statement?: Statement[] | Statement } = {};
  try {
    doc = current ? JSON.parse(current) : {};
  } catch {
    doc = {};
  }
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  const wanted: Statement = {
    Sid: `EventBridgeDeadLetter-${ruleName}`.slice(0, 100),
    Effect: "Allow",
    Principal: { Service: "events.amazonaws.com" },
    Action: "sqs:SendMessage",
    Resource: queue,
    Condition: { ArnEquals: { "aws:SourceArn": ruleArn } },
  };
  const same = statements.find((st) => st.Sid === wanted.Sid);
  if (same && JSON.stringify(same) === JSON.stringify(wanted)) return null;
  return JSON.stringify({ Version: doc.Version ?? "2012-10-17", ...(doc.Id ? { Id: doc.Id } : {}), Statement: [...statements.filter((st) => st.Sid !== wanted.Sid), wanted] });
}

/** SetQueueAttributes Policy for the dead-letter queue; the cleanup puts the policy back as it was. */
function queuePolicySteps(input: CreateEventTaskInput, queue: QueueFacts | null | undefined): PlanStep[] {
  if (!input.deadLetterQueue || !queue) return [];
  const policy = deadLetterPolicy(queue.policy, queueArn(input.clusterArn, input.deadLetterQueue), ruleArnOf(input.clusterArn, input.ruleName), input.ruleName);
  if (!policy) return [];
  return [
    {
      key: "queuePolicy",
      service: "sqs",
      operation: "SetQueueAttributes",
      description: `Let EventBridge send this rule's undelivered events to queue ${input.deadLetterQueue} (sqs:SendMessage, aws:SourceArn = the rule)`,
      input: { QueueUrl: queue.url, Attributes: { Policy: policy } },
      inverse: { service: "sqs", operation: "SetQueueAttributes", description: `Put queue ${input.deadLetterQueue}'s access policy back`, input: { QueueUrl: queue.url, Attributes: { Policy: queue.policy } } },
    },
  ];
}

/** The rule's event pattern, as the JSON text PutRule takes. */
export function rulePattern(input: Pick<CreateEventTaskInput, "source" | "bucket" | "keyPrefix" | "keySuffix" | "pattern">): string {
  if (input.source === "s3") return JSON.stringify(s3ObjectCreatedPattern(input.bucket, input.keyPrefix, input.keySuffix));
  return JSON.stringify(parseEventPattern(input.pattern));
}

/** The rule's one target: ECS RunTask on Fargate in this cluster, the S3 object handed over by an input transformer. */
export function ecsTarget(input: CreateEventTaskInput, roleArn: unknown) {
  return {
    Id: TARGET_ID,
    Arn: input.clusterArn,
    RoleArn: roleArn,
    EcsParameters: {
      TaskDefinitionArn: taskDefinitionArn(input.clusterArn, input.taskDefinition),
      TaskCount: input.count,
      ...(input.compute === "capacityProvider"
        ? { CapacityProviderStrategy: [{ capacityProvider: input.capacityProvider, weight: 1, base: 0 }] }
        : { LaunchType: "FARGATE" }),
      NetworkConfiguration: { awsvpcConfiguration: { Subnets: input.subnets, SecurityGroups: input.securityGroups, AssignPublicIp: input.assignPublicIp } },
    },
    // A custom pattern's event is not task overrides: the task runs as defined.
    ...(input.source === "s3" ? { InputTransformer: s3InputTransformer(input) } : { Input: "{}" }),
    RetryPolicy: { MaximumRetryAttempts: input.retryAttempts, MaximumEventAgeInSeconds: input.maxEventAge },
    ...(input.deadLetterQueue ? { DeadLetterConfig: { Arn: queueArn(input.clusterArn, input.deadLetterQueue) } } : {}),
  };
}

/** A queue's ARN in the cluster's partition, region and account. */
export function queueArn(clusterArn: string, queue: string): string {
  const [, partition, , region, account] = clusterArn.split(":");
  return `arn:${partition}:sqs:${region}:${account}:${queue}`;
}

/**
 * An EventBridge rule on the default bus whose target runs a Fargate task in this cluster: for
 * S3 uploads (the bucket's EventBridge notifications switched on first) or a custom pattern.
 * A reused role is checked against what the rule needs (`facts`, read by the action).
 */
export function buildCreateEventTaskPlan(input: CreateEventTaskInput, facts: EventTaskFacts = NO_FACTS): Plan {
  const creatingRole = input.roleMode === "create";
  const fix = creatingRole ? { steps: [], warnings: [] } : eventsRoleFix(input, facts);
  const before = creatingRole ? roleSteps(input) : fix.steps;
  const creatingBucket = input.source === "s3" && input.bucketMode === "create";
  const bucket = input.source === "s3" ? [...(creatingBucket ? [createBucketStep(input.bucket, input.region)] : []), ...bucketStep(input.bucket, creatingBucket ? null : facts.bucket)] : [];
  const queue = queuePolicySteps(input, facts.queue);
  const what = input.source === "s3" ? `uploads to ${input.bucket}` : "matching events";
  return {
    version: 1,
    wizard: "ecs-event-task",
    title: `Run ${input.taskDefinition} in ${input.cluster} on ${what}: ${input.ruleName}`,
    resources: [`ecs:cluster/${input.cluster}`, `events:rule/default/${input.ruleName}`, ...(input.source === "s3" ? [`s3:bucket/${input.bucket}`] : [])],
    landing: `/ecs/clusters/${encodeURIComponent(input.cluster)}/event-tasks`,
    steps: [
      ...before,
      ...bucket,
      ...queue,
      {
        key: "rule",
        service: "events",
        operation: "PutRule",
        description: `Create rule ${input.ruleName} on the default event bus`,
        input: {
          Name: input.ruleName,
          EventBusName: "default",
          EventPattern: rulePattern(input),
          State: "ENABLED",
          ...(input.description ? { Description: input.description } : {}),
          Tags: [
            { Key: "portside:managed", Value: "true" },
            { Key: "portside:cluster", Value: input.cluster },
          ],
        },
        produces: { ruleArn: "RuleArn" },
        inverse: { service: "events", operation: "DeleteRule", description: `Delete rule ${input.ruleName}`, input: { Name: input.ruleName, EventBusName: "default" } },
      },
      {
        key: "target",
        service: "events",
        operation: "PutTargets",
        description: `Run ${input.taskDefinition} (${input.count} task${input.count === 1 ? "" : "s"}) on ${input.compute === "capacityProvider" ? `capacity provider ${input.capacityProvider}` : "Fargate"} in ${input.cluster} for each event`,
        dependsOn: ["rule", ...before.map((s) => s.key).slice(-1)],
        input: { Rule: input.ruleName, EventBusName: "default", Targets: [ecsTarget(input, creatingRole ? { $ref: "role.roleArn" } : input.roleArn)] },
        inverse: { service: "events", operation: "RemoveTargets", description: `Remove the ECS target from rule ${input.ruleName}`, input: { Rule: input.ruleName, EventBusName: "default", Ids: [TARGET_ID] } },
      },
    ],
    ...(fix.warnings.length ? { warnings: fix.warnings } : {}),
  };
}


/** A rule goes after its targets (EventBridge refuses to delete a rule that still has some). */
export function buildDeleteEventRulePlan(input: DeleteEventRuleInput, targetIds: string[]): Plan {
  return {
    version: 1,
    wizard: "ecs-event-task-delete",
    title: `Delete event rule ${input.ruleName} of ${input.cluster}`,
    resources: [`ecs:cluster/${input.cluster}`, `events:rule/default/${input.ruleName}`],
    landing: `/ecs/clusters/${encodeURIComponent(input.cluster)}/event-tasks`,
    steps: [
      ...(targetIds.length
        ? [{
            key: "targets",
            service: "events" as const,
            operation: "RemoveTargets",
            description: `Remove ${targetIds.length} target${targetIds.length === 1 ? "" : "s"} from rule ${input.ruleName}`,
            input: { Rule: input.ruleName, EventBusName: "default", Ids: targetIds },
          }]
        : []),
      {
        key: "delete",
        service: "events",
        operation: "DeleteRule",
        description: `Delete rule ${input.ruleName}`,
        ...(targetIds.length ? { dependsOn: ["targets"] } : {}),
        input: { Name: input.ruleName, EventBusName: "default" },
      },
    ],
  };
}
