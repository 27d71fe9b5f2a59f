import { describe, expect, it } from "vitest";
import { createFargateProfileSchema } from "@/lib/eks/fargate-profiles/schema";
import { buildCreateFargateProfilePlan, buildDeleteFargateProfilePlan } from "./plan";

const base = {
  connectionId: "c1",
  region: "us-east-1",
  clusterName: "prod",
  fargateProfileName: "apps",
  subnets: ["subnet-0a1"],
  selectors: [{ namespace: "apps", labels: [{ key: "tier", value: "web" }] }, { namespace: "jobs", labels: [] }],
};

describe("Fargate profile plans", () => {
  it("creates the pod execution role, then the profile with its selectors, waiting for ACTIVE", () => {
    const plan = buildCreateFargateProfilePlan(createFargateProfileSchema.parse(base));
    expect(plan.steps.map((s) => s.operation)).toEqual(["CreateRole", "AttachRolePolicy", "CreateFargateProfile"]);
    expect(plan.steps[0]!.input.RoleName).toBe("AmazonEKSFargatePodExecutionRole");
    expect(JSON.parse(plan.steps[0]!.input.AssumeRolePolicyDocument as string).Statement[0].Principal.Service).toBe("eks-fargate-pods.amazonaws.com");
    expect(plan.steps[1]!.input.PolicyArn).toBe("arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy");
    expect(plan.steps[2]!.input).toEqual({
      clusterName: "prod",
      fargateProfileName: "apps",
      podExecutionRoleArn: { $ref: "podRole.roleArn" },
      subnets: ["subnet-0a1"],
      selectors: [{ namespace: "apps", labels: { tier: "web" } }, { namespace: "jobs" }],
    });
    expect(plan.steps[2]!.waitFor).toMatchObject({ operation: "DescribeFargateProfile", path: "fargateProfile.status", success: ["ACTIVE"] });
    expect(plan.steps[2]!.inverse?.operation).toBe("DeleteFargateProfile");
  });

  it("uses an existing role as given", () => {
    const plan = buildCreateFargateProfilePlan(createFargateProfileSchema.parse({ ...base, podRoleMode: "existing", podRoleArn: "arn:aws:iam::123456789012:role/pods" }));
    expect(plan.steps.map((s) => s.operation)).toEqual(["CreateFargateProfile"]);
    expect(plan.steps[0]!.input.podExecutionRoleArn).toBe("arn:aws:iam::123456789012:role/pods");
  });

  it("deletes and waits until the profile is gone", () => {
    const plan = buildDeleteFargateProfilePlan({ connectionId: "c1", region: "us-east-1", clusterName: "prod", fargateProfileName: "apps" });
    expect(plan.steps[0]).toMatchObject({ operation: "DeleteFargateProfile", waitFor: { untilGone: true } });
  });
});
