import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { buildContinueDeploymentPlan, buildRollbackDeploymentPlan, buildRollbackToRevisionPlan, withStrategyOf } from "./plan";
import { continueDeploymentSchema, rollbackDeploymentSchema } from "./schema";

const ARN = "arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/abc123";
const base = { connectionId: "c1", region: "us-east-1", cluster: "prod", service: "web" };

describe("rollbackDeploymentSchema", () => {
  it("takes a deployment of this service only", () => {
    expect(rollbackDeploymentSchema.safeParse({ ...base, serviceDeploymentArn: ARN }).success).toBe(true);
    const other = rollbackDeploymentSchema.safeParse({ ...base, serviceDeploymentArn: ARN.replace("/web/", "/api/") });
    expect(other.error?.issues[0]?.message).toBe("This deployment belongs to another service.");
    expect(rollbackDeploymentSchema.safeParse({ ...base, serviceDeploymentArn: "ecs-svc/123" }).error?.issues[0]?.message).toBe("Pick a deployment of this service.");
  });
  it("ends quickly on hostile text", () => {
    fc.assert(fc.property(hostile, (text) => typeof quick(() => rollbackDeploymentSchema.safeParse({ ...base, serviceDeploymentArn: text })).success === "boolean"), { numRuns: 200 });
  });
});

it("buildRollbackDeploymentPlan: StopServiceDeployment ROLLBACK, then waits for ROLLBACK_SUCCESSFUL", () => {
  const plan = buildRollbackDeploymentPlan({ ...base, serviceDeploymentArn: ARN }, { from: "web:4", to: "web:3" });
  expect(plan.title).toBe("Roll back deployment abc123 of web (web:4 → back to web:3)");
  expect(plan.steps).toHaveLength(1);
  expect(plan.steps[0]).toMatchObject({
    service: "ecs", operation: "StopServiceDeployment", input: { serviceDeploymentArn: ARN, stopType: "ROLLBACK" },
    waitFor: { operation: "DescribeServiceDeployments", path: "serviceDeployments.0.status", success: ["ROLLBACK_SUCCESSFUL"] },
  });
  expect(plan.resources).toContain("ecs:service/prod/web");
});

it("buildRollbackToRevisionPlan: UpdateService to the old task definition with its strategy, waited to completion, undone by updating back", () => {
  const current = { taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:4", deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, strategy: "ROLLING", alarms: { alarmNames: ["a"], enable: true, rollback: true } } };
  const plan = buildRollbackToRevisionPlan({ ...base, serviceDeploymentArn: ARN }, {
    taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2", label: "web:2",
    deploymentConfiguration: { strategy: "CANARY", bakeTimeInMinutes: 0, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 }, minimumHealthyPercent: 50 },
    current,
  });
  expect(plan.title).toBe("Roll web back to web:2 (from deployment abc123)");
  expect(plan.steps).toHaveLength(1);
  expect(plan.steps[0]!.input).toEqual({
    cluster: "prod", service: "web", taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2",
    deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, alarms: { alarmNames: ["a"], enable: true, rollback: true }, strategy: "CANARY", bakeTimeInMinutes: 0, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 } },
  });
  expect(plan.steps[0]!.waitFor).toMatchObject({ operation: "DescribeServices", success: ["COMPLETED"] });
  expect(plan.steps[0]!.inverse!.input).toEqual({ cluster: "prod", service: "web", taskDefinition: current.taskDefinition, deploymentConfiguration: current.deploymentConfiguration });
});

it("withStrategyOf: a rolling deployment's revision drops the current canary settings", () => {
  expect(withStrategyOf({ strategy: "CANARY", canaryConfiguration: { canaryPercent: 5 }, maximumPercent: 200 }, {})).toEqual({ maximumPercent: 200, strategy: "ROLLING" });
});

describe("continueDeploymentSchema and buildContinueDeploymentPlan", () => {
  const input = { ...base, serviceDeploymentArn: ARN, hookId: "ecs-pause-abc_DEF-1", action: "CONTINUE" };
  it("takes a pause hook of this service's deployment and CONTINUE or ROLLBACK only", () => {
    expect(continueDeploymentSchema.safeParse(input).success).toBe(true);
    expect(continueDeploymentSchema.safeParse({ ...input, action: "SKIP" }).error?.issues[0]?.message).toBe("Choose Continue or Roll back.");
    expect(continueDeploymentSchema.safeParse({ ...input, hookId: "x".repeat(201) }).error?.issues[0]?.message).toBe("This is not a pause hook of the deployment.");
    fc.assert(fc.property(hostile, (text) => typeof quick(() => continueDeploymentSchema.safeParse({ ...input, hookId: text })).success === "boolean"), { numRuns: 200 });
  });
  it("continues with no wait, rolls back waiting for ROLLBACK_SUCCESSFUL", () => {
    const go = buildContinueDeploymentPlan(continueDeploymentSchema.parse(input), "PRE_PRODUCTION_TRAFFIC_SHIFT");
    expect(go.title).toBe("Continue deployment abc123 of web past pre production traffic shift");
    expect(go.steps[0]).toMatchObject({ operation: "ContinueServiceDeployment", input: { serviceDeploymentArn: ARN, hookId: "ecs-pause-abc_DEF-1", action: "CONTINUE" } });
    expect(go.steps[0]!.waitFor).toBeUndefined();
    const back = buildContinueDeploymentPlan(continueDeploymentSchema.parse({ ...input, action: "ROLLBACK" }), "PRE_PRODUCTION_TRAFFIC_SHIFT");
    expect(back.steps[0]!.waitFor).toMatchObject({ success: ["ROLLBACK_SUCCESSFUL"] });
  });
});
