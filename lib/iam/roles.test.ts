import { describe, expect, it } from "vitest";
import { buildCleanupPlan } from "../core/plans/cleanup";
import { buildCreateRoleSteps, roleArnRef, STANDARD_ROLES } from "./roles";
import { extractOutputs } from "../core/plans/refs";
import type { Plan } from "../core/plans/types";

describe("standard role steps", () => {
  it("creates the task execution role trusted by ecs-tasks with the execution policy", () => {
    const [create, attach] = buildCreateRoleSteps("execution", "executionRole");
    expect(create).toMatchObject({ service: "iam", operation: "CreateRole", input: { RoleName: "ecsTaskExecutionRole" } });
    expect(JSON.parse(create!.input.AssumeRolePolicyDocument as string)).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    expect(attach).toMatchObject({
      operation: "AttachRolePolicy",
      dependsOn: ["executionRole"],
      input: { RoleName: "ecsTaskExecutionRole", PolicyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy" },
    });
  });

  it("creates the Express infrastructure role trusted by ecs with AWS's Express policy", () => {
    const [create, attach] = buildCreateRoleSteps("infrastructure", "infraRole");
    expect(create!.input.RoleName).toBe("ecsInfrastructureRoleForExpressServices");
    expect(create!.input.AssumeRolePolicyDocument).toContain('"Service":"ecs.amazonaws.com"');
    expect(attach!.input.PolicyArn).toBe(STANDARD_ROLES.infrastructure.policyArn);
    expect(STANDARD_ROLES.infrastructure.policyArn).toBe("arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRoleforExpressGatewayServices");
  });

  it("produces the role ARN from CreateRole's response", () => {
    const [create] = buildCreateRoleSteps("execution", "executionRole");
    expect(extractOutputs(create!, { Role: { Arn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole" } })).toEqual({
      roleArn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
    });
    expect(roleArnRef("executionRole")).toEqual({ $ref: "executionRole.roleArn" });
  });

  it("cleans up by detaching the policy before deleting the role", () => {
    const steps = buildCreateRoleSteps("execution", "executionRole");
    const plan: Plan = { version: 1, wizard: "t", title: "t", resources: [], steps };
    const cleanup = buildCleanupPlan(plan, steps.map((s) => ({ stepKey: s.key, status: "succeeded", response: { Role: { Arn: "x" } } })), "run1");
    expect(cleanup?.steps.map((s) => s.operation)).toEqual(["DetachRolePolicy", "DeleteRole"]);
    expect(cleanup?.steps[1]!.input).toEqual({ RoleName: "ecsTaskExecutionRole" });
  });
});
