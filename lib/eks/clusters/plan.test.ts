import { describe, expect, it } from "vitest";
import { createEksClusterSchema } from "@/lib/eks/clusters/schema";
import { buildCreateEksClusterPlan, buildTeardownEksClusterPlan, buildUpgradeEksClusterPlan, nextMinorVersion } from "./plan";
import { buildCleanupPlan } from "@/lib/core/plans/cleanup";

const input = (over: Record<string, unknown> = {}) =>
  createEksClusterSchema.parse({
    connectionId: "c1",
    region: "us-east-1",
    clusterName: "prod",
    version: "1.34",
    roleMode: "create",
    vpcId: "vpc-0abc",
    subnets: ["subnet-0a", "subnet-0b"],
    subnetZones: ["us-east-1a", "us-east-1b"],
    securityGroups: ["sg-01"],
    endpointAccess: "both",
    publicAccessCidrs: "203.0.113.0/24\n198.51.100.0/24",
    logTypes: ["api", "audit"],
    tags: [{ key: "team", value: "platform" }],
    ...over,
  });

describe("buildCreateEksClusterPlan", () => {
  it("creates eksClusterRole, attaches the policy, then creates the cluster with the role's ARN", () => {
    const plan = buildCreateEksClusterPlan(input());
    expect(plan.steps.map((s) => `${s.service}:${s.operation}`)).toEqual(["iam:CreateRole", "iam:AttachRolePolicy", "eks:CreateCluster"]);
    expect(plan.steps.map((s) => s.description)).toEqual([
      "Create IAM role eksClusterRole",
      "Attach AmazonEKSClusterPolicy to eksClusterRole",
      "Create EKS cluster prod (Kubernetes 1.34) and wait until ACTIVE",
    ]);
    const [role, policy, cluster] = plan.steps;
    expect(JSON.parse(role!.input.AssumeRolePolicyDocument as string).Statement[0].Principal).toEqual({ Service: "eks.amazonaws.com" });
    expect(policy!.input).toEqual({ RoleName: "eksClusterRole", PolicyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy" });
    expect(cluster!.dependsOn).toEqual(["clusterRole", "clusterRolePolicy"]);
    expect(cluster!.input).toEqual({
      name: "prod",
      version: "1.34",
      roleArn: { $ref: "clusterRole.roleArn" },
      upgradePolicy: { supportType: "STANDARD" },
      resourcesVpcConfig: {
        subnetIds: ["subnet-0a", "subnet-0b"],
        securityGroupIds: ["sg-01"],
        endpointPublicAccess: true,
        endpointPrivateAccess: true,
        publicAccessCidrs: ["203.0.113.0/24", "198.51.100.0/24"],
      },
      logging: { clusterLogging: [{ types: ["api", "audit"], enabled: true }] },
      tags: { team: "platform" },
    });
    expect(plan.landing).toBe("/eks/clusters/prod");
    expect(plan.resources).toEqual(["eks:cluster/prod"]);
  });

  it("waits for DescribeCluster to report ACTIVE, failing on FAILED", () => {
    const cluster = buildCreateEksClusterPlan(input()).steps.at(-1)!;
    expect(cluster.waitFor).toEqual({
      service: "eks",
      operation: "DescribeCluster",
      input: { name: "prod" },
      path: "cluster.status",
      success: ["ACTIVE"],
      failure: ["FAILED"],
      description: "cluster prod to become ACTIVE",
      intervalMs: 15_000,
      timeoutMs: 40 * 60_000,
    });
  });

  it("uses an existing role as given, a private endpoint without CIDRs, and secrets encryption", () => {
    const key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const plan = buildCreateEksClusterPlan(
      input({ supportType: "EXTENDED", roleMode: "existing", roleArn: "arn:aws:iam::123456789012:role/mine", endpointAccess: "private", securityGroups: [], logTypes: [], tags: [], encryption: "on", kmsKeyArn: key }),
    );
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]!.dependsOn).toBeUndefined();
    expect(plan.steps[0]!.input).toEqual({
      name: "prod",
      version: "1.34",
      roleArn: "arn:aws:iam::123456789012:role/mine",
      upgradePolicy: { supportType: "EXTENDED" },
      resourcesVpcConfig: { subnetIds: ["subnet-0a", "subnet-0b"], endpointPublicAccess: false, endpointPrivateAccess: true },
      encryptionConfig: [{ resources: ["secrets"], provider: { keyArn: key } }],
    });
  });

  it("cleans up newest first: cluster, policy, role", () => {
    const plan = buildCreateEksClusterPlan(input());
    const recorded = [
      { stepKey: "clusterRole", status: "succeeded", response: { Role: { Arn: "arn:aws:iam::123456789012:role/eksClusterRole" } } },
      { stepKey: "clusterRolePolicy", status: "succeeded", response: {} },
      { stepKey: "cluster", status: "succeeded", response: { cluster: { arn: "arn:x" } } },
    ];
    const cleanup = buildCleanupPlan(plan, recorded, "run1")!;
    expect(cleanup.steps.map((s) => `${s.service}:${s.operation}`)).toEqual(["eks:DeleteCluster", "iam:DetachRolePolicy", "iam:DeleteRole"]);
    expect(cleanup.steps[0]!.input).toEqual({ name: "prod" });
  });
});

describe("buildUpgradeEksClusterPlan", () => {
  it("updates the version and waits on DescribeUpdate with the update id from the response", () => {
    const plan = buildUpgradeEksClusterPlan({ connectionId: "c1", region: "us-east-1", clusterName: "prod", currentVersion: "1.33", version: "1.34" });
    expect(plan.steps).toHaveLength(1);
    const [step] = plan.steps;
    expect(step!.operation).toBe("UpdateClusterVersion");
    expect(step!.description).toBe("Upgrade cluster prod from Kubernetes 1.33 to 1.34 and wait until the update succeeds");
    expect(step!.input).toEqual({ name: "prod", version: "1.34" });
    expect(step!.produces).toEqual({ updateId: "update.id" });
    expect(step!.waitFor).toMatchObject({
      operation: "DescribeUpdate",
      input: { name: "prod", updateId: { $ref: "upgrade.updateId" } },
      path: "update.status",
      success: ["Successful"],
      failure: ["Failed", "Cancelled"],
    });
    expect(step!.inverse).toBeUndefined();
  });

  it("knows the next minor version", () => {
    expect(nextMinorVersion("1.33")).toBe("1.34");
    expect(nextMinorVersion("1.9")).toBe("1.10");
    expect(nextMinorVersion("latest")).toBeNull();
  });
});

describe("buildTeardownEksClusterPlan", () => {
  it("deletes node groups, then Fargate profiles, each waited until gone, then the cluster", () => {
    const plan = buildTeardownEksClusterPlan({ connectionId: "c1", region: "us-east-1", clusterName: "prod", nodegroups: ["ng-a", "ng-b"], fargateProfiles: ["fp"] });
    expect(plan.steps.map((s) => `${s.operation} ${JSON.stringify(s.input)}`)).toEqual([
      'DeleteNodegroup {"clusterName":"prod","nodegroupName":"ng-a"}',
      'DeleteNodegroup {"clusterName":"prod","nodegroupName":"ng-b"}',
      'DeleteFargateProfile {"clusterName":"prod","fargateProfileName":"fp"}',
      'DeleteCluster {"name":"prod"}',
    ]);
    expect(plan.steps.map((s) => s.dependsOn)).toEqual([undefined, ["nodegroup0"], ["nodegroup1"], ["fargateProfile0"]]);
    for (const step of plan.steps) expect(step.waitFor?.untilGone).toBe(true);
    expect(plan.steps.map((s) => s.waitFor?.operation)).toEqual(["DescribeNodegroup", "DescribeNodegroup", "DescribeFargateProfile", "DescribeCluster"]);
    expect(plan.steps[2]!.waitFor?.input).toEqual({ clusterName: "prod", fargateProfileName: "fp" });
    expect(plan.landing).toBe("/eks/clusters");
  });

  it("is one DeleteCluster when the cluster is empty", () => {
    const plan = buildTeardownEksClusterPlan({ connectionId: "c1", region: "us-east-1", clusterName: "prod", nodegroups: [], fargateProfiles: [] });
    expect(plan.steps.map((s) => s.operation)).toEqual(["DeleteCluster"]);
    expect(plan.steps[0]!.dependsOn).toBeUndefined();
  });
});
