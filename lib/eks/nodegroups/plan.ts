import { NODE_ROLE, type CreateNodegroupInput, type DeleteNodegroupInput, type ScaleNodegroupInput } from "@/lib/eks/nodegroups/schema";
import { trustPolicy } from "@/lib/iam/roles";
import type { Plan, PlanRef, PlanStep } from "@/lib/core/plans/types";

const policyName = (arn: string) => arn.split("/").pop()!;

/**
 * CreateRole then one AttachRolePolicy per managed policy: the standard role the EKS
 * console offers to create. The first step produces `roleArn`; cleanup runs the
 * inverses newest first, so policies are detached before the role is deleted.
 */
export function eksRoleSteps(key: string, role: { name: string; principal: string; policies: string[]; description: string }): PlanStep[] {
  return [
    {
      key,
      service: "iam",
      operation: "CreateRole",
      description: `Create IAM role ${role.name}`,
      input: { RoleName: role.name, AssumeRolePolicyDocument: trustPolicy(role.principal), Description: role.description },
      produces: { roleArn: "Role.Arn" },
      inverse: { service: "iam", operation: "DeleteRole", description: `Delete IAM role ${role.name}`, input: { RoleName: role.name } },
    },
    ...role.policies.map((arn, i) => ({
      key: `${key}Policy${i + 1}`,
      service: "iam",
      operation: "AttachRolePolicy",
      description: `Attach ${policyName(arn)} to ${role.name}`,
      dependsOn: [key],
      input: { RoleName: role.name, PolicyArn: arn },
      inverse: { service: "iam", operation: "DetachRolePolicy", description: `Detach ${policyName(arn)} from ${role.name}`, input: { RoleName: role.name, PolicyArn: arn } },
    })),
  ];
}

export const nodegroupPath = (cluster: string, nodegroup: string) =>
  `/eks/clusters/${encodeURIComponent(cluster)}/nodegroups/${encodeURIComponent(nodegroup)}`;

const describeNodegroup = (input: { clusterName: string; nodegroupName: string }) => ({ clusterName: input.clusterName, nodegroupName: input.nodegroupName });

/** Managed node group as the EKS console creates it: the node role when asked for, then CreateNodegroup, waited on until ACTIVE. */
export function buildCreateNodegroupPlan(input: CreateNodegroupInput): Plan {
  const createRole = input.nodeRoleMode === "create";
  const roleSteps = createRole
    ? eksRoleSteps("nodeRole", { ...NODE_ROLE, description: "Lets EKS worker nodes join clusters, pull images from ECR and manage pod networking." })
    : [];
  const nodeRole: PlanRef | string = createRole ? { $ref: "nodeRole.roleArn" } : input.nodeRoleArn;
  const updateConfig = input.maxUnavailableType === "percentage" ? { maxUnavailablePercentage: input.maxUnavailable } : { maxUnavailable: input.maxUnavailable };
  const { minSize, maxSize, desiredSize } = input;
  return {
    version: 1,
    wizard: "eks-nodegroup",
    title: `Create node group ${input.nodegroupName} in EKS cluster ${input.clusterName}`,
    resources: [`eks:cluster/${input.clusterName}`, `eks:nodegroup/${input.clusterName}/${input.nodegroupName}`],
    landing: nodegroupPath(input.clusterName, input.nodegroupName),
    steps: [
      ...roleSteps,
      {
        key: "nodegroup",
        service: "eks",
        operation: "CreateNodegroup",
        description: `Create node group ${input.nodegroupName} (${input.instanceTypes.join(", ")}, ${input.capacityType === "SPOT" ? "Spot" : "On-Demand"}, ${minSize}–${maxSize} nodes)`,
        dependsOn: createRole ? roleSteps.map((s) => s.key) : undefined,
        input: {
          clusterName: input.clusterName,
          nodegroupName: input.nodegroupName,
          nodeRole,
          subnets: input.subnets,
          scalingConfig: { minSize, maxSize, desiredSize },
          instanceTypes: input.instanceTypes,
          amiType: input.amiType,
          capacityType: input.capacityType,
          diskSize: input.diskSize,
          updateConfig,
          ...(input.labels.length ? { labels: Object.fromEntries(input.labels.map((l) => [l.key, l.value])) } : {}),
          ...(input.taints.length ? { taints: input.taints.map((t) => ({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect })) } : {}),
        },
        produces: { arn: "nodegroup.nodegroupArn" },
        waitFor: {
          service: "eks",
          operation: "DescribeNodegroup",
          input: describeNodegroup(input),
          path: "nodegroup.status",
          success: ["ACTIVE"],
          failure: ["CREATE_FAILED", "DEGRADED"],
          description: `node group ${input.nodegroupName} to become ACTIVE`,
        },
        inverse: { service: "eks", operation: "DeleteNodegroup", description: `Delete node group ${input.nodegroupName}`, input: describeNodegroup(input) },
      },
    ],
  };
}

/** A scaling change is an EKS update: UpdateNodegroupConfig, then DescribeUpdate until Successful. */
export function buildScaleNodegroupPlan(input: ScaleNodegroupInput): Plan {
  const { minSize, maxSize, desiredSize } = input;
  return {
    version: 1,
    wizard: "eks-nodegroup-scale",
    title: `Scale node group ${input.nodegroupName} to min ${minSize}, max ${maxSize}, desired ${desiredSize}`,
    resources: [`eks:cluster/${input.clusterName}`, `eks:nodegroup/${input.clusterName}/${input.nodegroupName}`],
    landing: nodegroupPath(input.clusterName, input.nodegroupName),
    steps: [
      {
        key: "scale",
        service: "eks",
        operation: "UpdateNodegroupConfig",
        description: `Set the scaling of ${input.nodegroupName} to min ${minSize}, max ${maxSize}, desired ${desiredSize}`,
        input: { ...describeNodegroup(input), scalingConfig: { minSize, maxSize, desiredSize } },
        produces: { updateId: "update.id" },
        waitFor: {
          service: "eks",
          operation: "DescribeUpdate",
          input: { name: input.clusterName, nodegroupName: input.nodegroupName, updateId: { $ref: "scale.updateId" } },
          path: "update.status",
          success: ["Successful"],
          failure: ["Failed", "Cancelled"],
          description: `the scaling update of ${input.nodegroupName}`,
        },
      },
    ],
  };
}

export function buildDeleteNodegroupPlan(input: DeleteNodegroupInput): Plan {
  return {
    version: 1,
    wizard: "eks-nodegroup-delete",
    title: `Delete node group ${input.nodegroupName} from EKS cluster ${input.clusterName}`,
    resources: [`eks:cluster/${input.clusterName}`, `eks:nodegroup/${input.clusterName}/${input.nodegroupName}`],
    landing: `/eks/clusters/${encodeURIComponent(input.clusterName)}/nodegroups`,
    steps: [
      {
        key: "delete",
        service: "eks",
        operation: "DeleteNodegroup",
        description: `Delete node group ${input.nodegroupName} and terminate its nodes`,
        input: describeNodegroup(input),
        waitFor: {
          service: "eks",
          operation: "DescribeNodegroup",
          input: describeNodegroup(input),
          path: "nodegroup.status",
          success: [],
          failure: ["DELETE_FAILED"],
          untilGone: true,
          description: `node group ${input.nodegroupName} to be deleted`,
        },
      },
    ],
  };
}
