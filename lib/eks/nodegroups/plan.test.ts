import { describe, expect, it } from "vitest";
import { createNodegroupSchema, scaleNodegroupSchema } from "@/lib/eks/nodegroups/schema";
import { buildCleanupPlan } from "@/lib/core/plans/cleanup";
import { buildCreateNodegroupPlan, buildDeleteNodegroupPlan, buildScaleNodegroupPlan } from "./plan";

const base = { connectionId: "c1", region: "us-east-1", clusterName: "prod", nodegroupName: "web", subnets: ["subnet-0a1", "subnet-0b2"] };

describe("node group plans", () => {
  it("creates the standard node role with its three policies, then the node group, waiting for ACTIVE", () => {
    const plan = buildCreateNodegroupPlan(
      createNodegroupSchema.parse({
        ...base,
        capacityType: "SPOT",
        instanceTypes: "t3.large, t3a.large",
        diskSize: "40",
        minSize: "1",
        maxSize: "4",
        desiredSize: "3",
        maxUnavailableType: "percentage",
        maxUnavailable: "25",
        labels: [{ key: "team", value: "web" }],
        taints: [{ key: "dedicated", value: "", effect: "NO_EXECUTE" }],
      }),
    );
    expect(plan.steps.map((s) => `${s.service}:${s.operation}`)).toEqual([
      "iam:CreateRole",
      "iam:AttachRolePolicy",
      "iam:AttachRolePolicy",
      "iam:AttachRolePolicy",
      "eks:CreateNodegroup",
    ]);
    expect(plan.steps[0]!.input.RoleName).toBe("AmazonEKSNodeRole");
    expect(JSON.parse(plan.steps[0]!.input.AssumeRolePolicyDocument as string).Statement[0].Principal.Service).toBe("ec2.amazonaws.com");
    expect(plan.steps.slice(1, 4).map((s) => s.input.PolicyArn)).toEqual([
      "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
      "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
      "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
    ]);
    const create = plan.steps[4]!;
    expect(create.dependsOn).toEqual(["nodeRole", "nodeRolePolicy1", "nodeRolePolicy2", "nodeRolePolicy3"]);
    expect(create.input).toEqual({
      clusterName: "prod",
      nodegroupName: "web",
      nodeRole: { $ref: "nodeRole.roleArn" },
      subnets: ["subnet-0a1", "subnet-0b2"],
      scalingConfig: { minSize: 1, maxSize: 4, desiredSize: 3 },
      instanceTypes: ["t3.large", "t3a.large"],
      amiType: "AL2023_x86_64_STANDARD",
      capacityType: "SPOT",
      diskSize: 40,
      updateConfig: { maxUnavailablePercentage: 25 },
      labels: { team: "web" },
      taints: [{ key: "dedicated", effect: "NO_EXECUTE" }],
    });
    expect(create.waitFor).toMatchObject({ operation: "DescribeNodegroup", path: "nodegroup.status", success: ["ACTIVE"], failure: ["CREATE_FAILED", "DEGRADED"] });
    expect(plan.landing).toBe("/eks/clusters/prod/nodegroups/web");
  });

  it("uses an existing role as given and leaves out empty labels and taints", () => {
    const plan = buildCreateNodegroupPlan(createNodegroupSchema.parse({ ...base, nodeRoleMode: "existing", nodeRoleArn: "arn:aws:iam::123456789012:role/nodes" }));
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]!.input).toMatchObject({ nodeRole: "arn:aws:iam::123456789012:role/nodes", updateConfig: { maxUnavailable: 1 } });
    expect(plan.steps[0]!.input).not.toHaveProperty("labels");
    expect(plan.steps[0]!.input).not.toHaveProperty("taints");
  });

  it("cleans up node group first, then policies, then the role", () => {
    const plan = buildCreateNodegroupPlan(createNodegroupSchema.parse(base));
    const recorded = plan.steps.map((s) => ({ stepKey: s.key, status: "succeeded", response: s.key === "nodeRole" ? { Role: { Arn: "arn:aws:iam::1:role/AmazonEKSNodeRole" } } : {} }));
    const cleanup = buildCleanupPlan(plan, recorded, "run1")!;
    expect(cleanup.steps.map((s) => s.operation)).toEqual(["DeleteNodegroup", "DetachRolePolicy", "DetachRolePolicy", "DetachRolePolicy", "DeleteRole"]);
  });

  it("scales through UpdateNodegroupConfig and waits on DescribeUpdate", () => {
    const plan = buildScaleNodegroupPlan(scaleNodegroupSchema.parse({ ...base, minSize: "1", maxSize: "5", desiredSize: "4" }));
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]).toMatchObject({
      operation: "UpdateNodegroupConfig",
      input: { clusterName: "prod", nodegroupName: "web", scalingConfig: { minSize: 1, maxSize: 5, desiredSize: 4 } },
      produces: { updateId: "update.id" },
      waitFor: { operation: "DescribeUpdate", input: { name: "prod", nodegroupName: "web", updateId: { $ref: "scale.updateId" } }, path: "update.status", success: ["Successful"] },
    });
  });

  it("deletes and waits until the node group is gone", () => {
    const plan = buildDeleteNodegroupPlan({ connectionId: "c1", region: "us-east-1", clusterName: "prod", nodegroupName: "web" });
    expect(plan.steps[0]).toMatchObject({ operation: "DeleteNodegroup", input: { clusterName: "prod", nodegroupName: "web" }, waitFor: { operation: "DescribeNodegroup", untilGone: true } });
  });
});
