import { describe, expect, it } from "vitest";
import { planPermissions } from "@/lib/core/plans/iam-actions";
import { buildCleanupPlan } from "@/lib/core/plans/cleanup";
import { buildCreateEventTaskPlan, buildDeleteEventRulePlan, EVENTS_ROLE_NAME } from "./plan";
import { createEventTaskSchema } from "./schema";

const clusterArn = "arn:aws:ecs:us-east-1:123456789012:cluster/jobs";
const base = {
  connectionId: "c1",
  region: "us-east-1",
  cluster: "jobs",
  clusterArn,
  ruleName: "on-upload",
  bucket: "uploads",
  keyPrefix: "in/",
  taskDefinition: "ingest:3",
  container: "app",
  subnets: ["subnet-1a"],
  securityGroups: ["sg-1a"],
};
const parse = (v: Record<string, unknown>) => createEventTaskSchema.parse({ ...base, ...v });

describe("event-triggered task plan", () => {
  it("creates the role, turns on the bucket's EventBridge notifications, the rule and its ECS target", () => {
    const plan = buildCreateEventTaskPlan(parse({}), { role: null, passRoles: [], bucket: {} });
    expect(plan.steps.map((s) => `${s.service}:${s.operation}`)).toEqual(["iam:CreateRole", "iam:PutRolePolicy", "s3:PutBucketNotificationConfiguration", "events:PutRule", "events:PutTargets"]);
    const rule = plan.steps[3]!.input;
    expect(JSON.parse(rule.EventPattern as string)).toEqual({ source: ["aws.s3"], "detail-type": ["Object Created"], detail: { bucket: { name: ["uploads"] }, object: { key: [{ prefix: "in/" }] } } });
    const target = (plan.steps[4]!.input.Targets as Record<string, unknown>[])[0]!;
    expect(target).toMatchObject({
      Arn: clusterArn,
      RoleArn: { $ref: "role.roleArn" },
      EcsParameters: { TaskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/ingest:3", TaskCount: 1, LaunchType: "FARGATE" },
      InputTransformer: { InputPathsMap: { bucket: "$.detail.bucket.name", key: "$.detail.object.key" } },
    });
    const template = (target.InputTransformer as { InputTemplate: string }).InputTemplate;
    expect(JSON.parse(template.replace("<bucket>", "b").replace("<key>", "k"))).toEqual({
      containerOverrides: [{ name: "app", environment: [{ name: "S3_BUCKET", value: "b" }, { name: "S3_KEY", value: "k" }] }],
    });
    expect(planPermissions(plan)).toEqual(["events:PutRule", "events:PutTargets", "events:TagResource", "iam:CreateRole", "iam:PassRole", "iam:PutRolePolicy", "s3:PutBucketNotification"]);
  });

  it("keeps a bucket's other notifications and puts them back on cleanup; skips the step when EventBridge is on", () => {
    const queue = [{ QueueArn: "arn:aws:sqs:us-east-1:123456789012:q", Events: ["s3:ObjectRemoved:*"] }];
    const plan = buildCreateEventTaskPlan(parse({}), { role: null, passRoles: [], bucket: { QueueConfigurations: queue } });
    const step = plan.steps.find((s) => s.service === "s3")!;
    expect(step.input.NotificationConfiguration).toEqual({ QueueConfigurations: queue, EventBridgeConfiguration: {} });
    expect(step.inverse!.input.NotificationConfiguration).toEqual({ QueueConfigurations: queue });
    const on = buildCreateEventTaskPlan(parse({}), { role: null, passRoles: [], bucket: { EventBridgeConfiguration: {} } });
    expect(on.steps.some((s) => s.service === "s3")).toBe(false);
  });

  it("a custom pattern sends no overrides and touches no bucket; an existing role is referenced", () => {
    const input = parse({ source: "pattern", pattern: '{"source":["my.app"]}', roleMode: "existing", roleArn: `arn:aws:iam::123456789012:role/${EVENTS_ROLE_NAME}` });
    const plan = buildCreateEventTaskPlan(input);
    expect(plan.steps.map((s) => s.operation)).toEqual(["PutRule", "PutTargets"]);
    expect(plan.steps[0]!.input.EventPattern).toBe('{"source":["my.app"]}');
    expect((plan.steps[1]!.input.Targets as Record<string, unknown>[])[0]).toMatchObject({ Input: "{}", RoleArn: input.roleArn });
  });

  it("retry policy with AWS's defaults; a dead-letter queue by name, its policy letting this rule send", () => {
    const plain = buildCreateEventTaskPlan(parse({}), { role: null, passRoles: [], bucket: {} });
    expect((plain.steps.at(-1)!.input.Targets as Record<string, unknown>[])[0]!.RetryPolicy).toEqual({ MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 });
    expect(plain.warnings).toBeUndefined();
    const kept = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "Owner", Effect: "Allow", Principal: { AWS: "123456789012" }, Action: "sqs:*", Resource: "*" }] });
    const queue = { url: "https://sqs.us-east-1.amazonaws.com/123456789012/failed-uploads", policy: kept };
    const dlq = buildCreateEventTaskPlan(parse({ retryAttempts: "3", maxEventAge: "600", deadLetterQueue: "failed-uploads" }), { role: null, passRoles: [], bucket: {}, queue });
    const set = dlq.steps.find((s) => s.operation === "SetQueueAttributes")!;
    const policy = JSON.parse((set.input.Attributes as { Policy: string }).Policy);
    expect(policy.Statement[0].Sid).toBe("Owner");
    expect(policy.Statement[1]).toMatchObject({
      Principal: { Service: "events.amazonaws.com" }, Action: "sqs:SendMessage", Resource: "arn:aws:sqs:us-east-1:123456789012:failed-uploads",
      Condition: { ArnEquals: { "aws:SourceArn": `arn:aws:events:us-east-1:123456789012:rule/${dlq.resources[1]!.split("/").pop()}` } },
    });
    expect(set.input.QueueUrl).toBe(queue.url);
    expect(set.inverse?.input).toEqual({ QueueUrl: queue.url, Attributes: { Policy: kept } });
    expect(dlq.warnings).toBeUndefined();
    // Already allowed: no step.
    const again = buildCreateEventTaskPlan(parse({ deadLetterQueue: "failed-uploads" }), { role: null, passRoles: [], bucket: {}, queue: { ...queue, policy: (set.input.Attributes as { Policy: string }).Policy } });
    expect(again.steps.some((s) => s.operation === "SetQueueAttributes")).toBe(false);
    expect((dlq.steps.at(-1)!.input.Targets as Record<string, unknown>[])[0]).toMatchObject({
      RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 600 },
      DeadLetterConfig: { Arn: "arn:aws:sqs:us-east-1:123456789012:failed-uploads" },
    });
  });

  it("creates the bucket first when asked (deleted by the cleanup), and runs on a capacity provider", () => {
    const plan = buildCreateEventTaskPlan(parse({ bucketMode: "create", bucket: "new-uploads", compute: "capacityProvider", capacityProvider: "FARGATE_SPOT" }), { role: null, passRoles: [], bucket: null });
    const ops = plan.steps.map((s) => s.operation);
    expect(ops.indexOf("CreateBucket")).toBeLessThan(ops.indexOf("PutBucketNotificationConfiguration"));
    expect(plan.steps.find((s) => s.operation === "CreateBucket")).toMatchObject({ input: { Bucket: "new-uploads" }, inverse: { operation: "DeleteBucket", input: { Bucket: "new-uploads" } } });
    const ecs = (plan.steps.at(-1)!.input.Targets as { EcsParameters: Record<string, unknown> }[])[0]!.EcsParameters;
    expect(ecs.CapacityProviderStrategy).toEqual([{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }]);
    expect(ecs.LaunchType).toBeUndefined();
    const west = buildCreateEventTaskPlan(parse({ region: "eu-west-1", bucketMode: "create", bucket: "new-uploads" }), { role: null, passRoles: [], bucket: null });
    expect(west.steps.find((s) => s.operation === "CreateBucket")!.input.CreateBucketConfiguration).toEqual({ LocationConstraint: "eu-west-1" });
  });

  it("cleanup removes the target before the rule and restores the bucket", () => {
    const plan = buildCreateEventTaskPlan(parse({}), { role: null, passRoles: [], bucket: {} });
    const recorded = plan.steps.map((s) => ({ stepKey: s.key, status: "succeeded", response: { Role: { Arn: "arn:aws:iam::123456789012:role/x" }, RuleArn: "arn:r" } }));
    const cleanup = buildCleanupPlan(plan, recorded, "run1")!;
    expect(cleanup.steps.map((s) => s.operation).slice(0, 3)).toEqual(["RemoveTargets", "DeleteRule", "PutBucketNotificationConfiguration"]);
  });

  it("delete removes the targets, then the rule", () => {
    const plan = buildDeleteEventRulePlan({ connectionId: "c", region: "us-east-1", cluster: "jobs", ruleName: "on-upload" }, ["ecs-run-task"]);
    expect(plan.steps.map((s) => s.operation)).toEqual(["RemoveTargets", "DeleteRule"]);
    expect(buildDeleteEventRulePlan({ connectionId: "c", region: "us-east-1", cluster: "jobs", ruleName: "r" }, []).steps).toHaveLength(1);
  });
});

describe("event-triggered task schema", () => {
  const errors = (v: Record<string, unknown>) => {
    const r = createEventTaskSchema.safeParse({ ...base, ...v });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };
  it("names the bad field", () => {
    expect(errors({ bucket: "Bad_Bucket" }).bucket).toMatch(/Pick a bucket/);
    expect(errors({ container: "" }).container).toMatch(/container/);
    expect(errors({ keyVariable: "1KEY" }).keyVariable).toMatch(/not starting with a digit/);
    expect(errors({ keyVariable: "S3_BUCKET" }).keyVariable).toMatch(/another name/);
    expect(errors({ source: "pattern", pattern: '{"source":"x"}' }).pattern).toMatch(/must be an array/);
    expect(errors({ ruleName: "has space" }).ruleName).toMatch(/Use only letters/);
    expect(errors({ subnets: [] }).subnets).toMatch(/at least one subnet/);
    expect(errors({ retryAttempts: "186" }).retryAttempts).toMatch(/0 to 185/);
    expect(errors({ maxEventAge: "30" }).maxEventAge).toMatch(/Between 60 seconds/);
    expect(errors({ deadLetterQueue: "a/b" }).deadLetterQueue).toMatch(/Pick a queue/);
    expect(errors({ bucketMode: "create", bucket: "Bad_Name" }).bucket).toMatch(/Enter a bucket name/);
    expect(errors({ bucketMode: "create", bucket: "a..b" }).bucket).toMatch(/S3 refuses/);
    expect(errors({ compute: "capacityProvider", capacityProvider: "" }).capacityProvider).toMatch(/capacity provider/);
    expect(errors({})).toEqual({});
  });
});
