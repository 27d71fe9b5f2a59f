import { describe, expect, it } from "vitest";
import { planPermissions } from "@/lib/core/plans/iam-actions";
import { alertPattern, buildCreateTaskAlertPlan, buildDeleteTaskAlertPlan, deploymentAlertPattern } from "./plan";
import { createTaskAlertSchema, parseEmails } from "./schema";

const clusterArn = "arn:aws:ecs:us-east-1:123456789012:cluster/jobs";
const base = { connectionId: "c", region: "us-east-1", cluster: "jobs", clusterArn, ruleName: "jobs-stopped", topicName: "jobs-alerts", emails: "a@example.com\nb@example.com" };
const parse = (v: Record<string, unknown> = {}) => createTaskAlertSchema.parse({ ...base, ...v });

describe("task alert plan", () => {
  it("creates the topic with a policy EventBridge may publish under, one subscription per address, the rule and its SNS target", () => {
    const plan = buildCreateTaskAlertPlan(parse());
    expect(plan.steps.map((s) => `${s.service}:${s.operation}`)).toEqual(["sns:CreateTopic", "sns:SetTopicAttributes", "sns:Subscribe", "sns:Subscribe", "events:PutRule", "events:PutTargets"]);
    const policy = JSON.parse(plan.steps[1]!.input.AttributeValue as string);
    expect(policy.Statement[0]).toMatchObject({ Principal: { Service: "events.amazonaws.com" }, Action: "sns:Publish", Resource: "arn:aws:sns:us-east-1:123456789012:jobs-alerts" });
    expect(plan.steps[2]!.input).toEqual({ TopicArn: { $ref: "topic.topicArn" }, Protocol: "email", Endpoint: "a@example.com", ReturnSubscriptionArn: true });
    const target = (plan.steps[5]!.input.Targets as { InputTransformer: { InputTemplate: string } }[])[0]!;
    expect(target.InputTransformer.InputTemplate).toMatch(/^"ECS task <task> \(<group>\) stopped at <time>: <code>, <reason> \(exit code <exit>\)\."$/);
    expect(planPermissions(plan)).toEqual(["events:PutRule", "events:PutTargets", "events:TagResource", "sns:CreateTopic", "sns:SetTopicAttributes", "sns:Subscribe", "sns:TagResource"]);
    expect(plan.steps[0]!.inverse?.operation).toBe("DeleteTopic");
  });

  it("matches STOPPED tasks of the cluster, narrowed to a family, to non-zero exits or a stop code", () => {
    expect(alertPattern(parse({ when: "any" }))).toEqual({ source: ["aws.ecs"], "detail-type": ["ECS Task State Change"], detail: { clusterArn: [clusterArn], lastStatus: ["STOPPED"] } });
    expect(alertPattern(parse({ family: "api" })).detail).toMatchObject({
      taskDefinitionArn: [{ prefix: "arn:aws:ecs:us-east-1:123456789012:task-definition/api:" }],
      containers: { exitCode: [{ "anything-but": 0 }] },
    });
    expect(alertPattern(parse({ when: "stopCode", stopCode: "TaskFailedToStart" })).detail).toMatchObject({ stopCode: ["TaskFailedToStart"] });
  });

  it("an existing topic: no topic steps, a warning about its policy", () => {
    const plan = buildCreateTaskAlertPlan(parse({ topicMode: "existing", topicArn: "arn:aws:sns:us-east-1:123456789012:ops", emails: "" }));
    expect(plan.steps.map((s) => s.operation)).toEqual(["PutRule", "PutTargets"]);
    expect(plan.warnings?.[0]).toMatch(/events.amazonaws.com/);
  });
});

describe("deployment alert plan", () => {
  it("matches the cluster's services by ARN prefix, or one service, on failed deployments or every change", () => {
    expect(deploymentAlertPattern(parse({ kind: "deployments" }))).toEqual({
      source: ["aws.ecs"],
      "detail-type": ["ECS Deployment State Change"],
      resources: [{ prefix: "arn:aws:ecs:us-east-1:123456789012:service/jobs/" }],
      detail: { eventName: ["SERVICE_DEPLOYMENT_FAILED"] },
    });
    const one = deploymentAlertPattern(parse({ kind: "deployments", service: "web", deploymentEvents: "all" }));
    expect(one.resources).toEqual(["arn:aws:ecs:us-east-1:123456789012:service/jobs/web"]);
    expect((one.detail as { eventName: string[] }).eventName).toEqual(["SERVICE_DEPLOYMENT_IN_PROGRESS", "SERVICE_DEPLOYMENT_COMPLETED", "SERVICE_DEPLOYMENT_FAILED"]);
  });

  it("puts the deployment pattern and a readable deployment sentence on the rule, tagged as a deployment alert", () => {
    const plan = buildCreateTaskAlertPlan(parse({ kind: "deployments", service: "web" }));
    const rule = plan.steps.find((s) => s.operation === "PutRule")!;
    expect(JSON.parse(rule.input.EventPattern as string)["detail-type"]).toEqual(["ECS Deployment State Change"]);
    expect(rule.input.Tags).toContainEqual({ Key: "portside:alert", Value: "deployments" });
    const target = (plan.steps.at(-1)!.input.Targets as { InputTransformer: { InputPathsMap: Record<string, string>; InputTemplate: string } }[])[0]!;
    expect(target.InputTransformer.InputPathsMap.reason).toBe("$.detail.reason");
    expect(target.InputTransformer.InputTemplate).toContain("ECS service <service>: <event>");
    expect(plan.title).toBe("Alert on deployments of web: jobs-stopped");
  });

  it("refuses a bad service name only for deployment alerts", () => {
    expect(createTaskAlertSchema.safeParse({ ...base, kind: "deployments", service: "a b" }).success).toBe(false);
    expect(createTaskAlertSchema.safeParse({ ...base, kind: "tasks", service: "a b" }).success).toBe(true);
  });
});

describe("task alert delete", () => {
  it("removes the targets, then the rule; the topic stays", () => {
    const plan = buildDeleteTaskAlertPlan({ connectionId: "c", region: "us-east-1", cluster: "jobs", ruleName: "jobs-stopped" }, ["sns-alert"]);
    expect(plan.steps.map((s) => s.operation)).toEqual(["RemoveTargets", "DeleteRule"]);
  });
});

describe("task alert schema", () => {
  const errors = (v: Record<string, unknown>) => {
    const r = createTaskAlertSchema.safeParse({ ...base, ...v });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };
  it("names bad e-mail addresses, a missing one, and bad names", () => {
    expect(errors({ emails: "ops@example.com\nnot-an-address" }).emails).toBe("not-an-address is not an e-mail address.");
    expect(errors({ emails: "" }).emails).toMatch(/at least one/);
    expect(errors({ emails: Array.from({ length: 11 }, (_, i) => `u${i}@example.com`).join("\n") }).emails).toMatch(/At most 10/);
    expect(errors({ topicName: "bad name" }).topicName).toMatch(/topic name/);
    expect(errors({ family: "a b" }).family).toMatch(/family/);
    expect(errors({})).toEqual({});
    expect(parseEmails("a@example.com, a@example.com; b@example.com").emails).toEqual(["a@example.com", "b@example.com"]);
  });
});
