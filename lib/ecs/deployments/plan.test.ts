import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { buildRollbackDeploymentPlan } from "./plan";
import { rollbackDeploymentSchema } from "./schema";

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
