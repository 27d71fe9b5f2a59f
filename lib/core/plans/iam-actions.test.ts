import { describe, expect, it } from "vitest";
import { SERVICES } from "@/lib/core/aws/services";
import { IAM_PREFIX, iamAction, permissionsPolicy, planPermissions } from "./iam-actions";
import type { Plan } from "./types";

describe("IAM action names", () => {
  it("has an IAM prefix for every AWS client Portside uses, and no other", () => {
    expect(Object.keys(IAM_PREFIX).sort()).toEqual(Object.keys(SERVICES).sort());
  });

  it("names services as IAM does", () => {
    expect(iamAction("elbv2", "CreateLoadBalancer")).toBe("elasticloadbalancing:CreateLoadBalancer");
    expect(iamAction("appautoscaling", "RegisterScalableTarget")).toBe("application-autoscaling:RegisterScalableTarget");
    expect(iamAction("ecs", "CreateService")).toBe("ecs:CreateService");
  });

  it("lists requests, waited-on reads, tag-on-create and PassRole once each, sorted", () => {
    const plan: Plan = {
      version: 1,
      wizard: "t",
      title: "t",
      resources: [],
      steps: [
        { key: "a", service: "ecs", operation: "RegisterTaskDefinition", description: "", input: { family: "f", executionRoleArn: "arn:aws:iam::1:role/x" } },
        {
          key: "b",
          service: "ecs",
          operation: "CreateService",
          description: "",
          input: { cluster: "c" },
          waitFor: { service: "ecs", operation: "DescribeServices", input: {}, path: "services.0.status", success: ["ACTIVE"], description: "" },
        },
        { key: "c", service: "elbv2", operation: "CreateTargetGroup", description: "", input: { Name: "x", Tags: [{ Key: "portside:managed", Value: "true" }] } },
        { key: "d", service: "iam", operation: "CreateRole", description: "", input: { RoleName: "r", Tags: [{ Key: "k", Value: "v" }] } },
        { key: "e", service: "ec2", operation: "CreateSecurityGroup", description: "", input: { GroupName: "g", TagSpecifications: [] } },
      ],
    };
    const actions = planPermissions(plan);
    expect(actions).toEqual([
      "ec2:CreateSecurityGroup",
      "ecs:CreateService",
      "ecs:DescribeServices",
      "ecs:RegisterTaskDefinition",
      "elasticloadbalancing:AddTags",
      "elasticloadbalancing:CreateTargetGroup",
      "iam:CreateRole",
      "iam:PassRole",
      "iam:TagRole",
    ]);
    expect(JSON.parse(permissionsPolicy(actions)).Statement[0].Action).toEqual(actions);
  });
});
