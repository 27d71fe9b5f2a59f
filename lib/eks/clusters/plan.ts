import { splitCidrs, type CreateEksClusterInput, type DeleteEksClusterInput, type UpgradeEksClusterInput } from "@/lib/eks/clusters/schema";
import { trustPolicy } from "@/lib/iam/roles";
import type { Plan, PlanStep } from "@/lib/core/plans/types";

/** The role the EKS console offers to create: trusted by eks.amazonaws.com, with AmazonEKSClusterPolicy. */
export const EKS_CLUSTER_ROLE = {
  name: "eksClusterRole",
  principal: "eks.amazonaws.com",
  policyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
};

const MINUTE = 60_000;
export const clusterPath = (name: string) => `/eks/clusters/${encodeURIComponent(name)}`;
export const clusterResource = (name: string) => `eks:cluster/${name}`;

function roleSteps(): PlanStep[] {
  const { name, principal, policyArn } = EKS_CLUSTER_ROLE;
  return [
    {
      key: "clusterRole",
      service: "iam",
      operation: "CreateRole",
      description: `Create IAM role ${name}`,
      input: { RoleName: name, AssumeRolePolicyDocument: trustPolicy(principal), Description: "Lets the EKS control plane manage AWS resources for your clusters." },
      produces: { roleArn: "Role.Arn" },
      inverse: { service: "iam", operation: "DeleteRole", description: `Delete IAM role ${name}`, input: { RoleName: name } },
    },
    {
      key: "clusterRolePolicy",
      service: "iam",
      operation: "AttachRolePolicy",
      description: `Attach AmazonEKSClusterPolicy to ${name}`,
      dependsOn: ["clusterRole"],
      input: { RoleName: name, PolicyArn: policyArn },
      inverse: { service: "iam", operation: "DetachRolePolicy", description: `Detach AmazonEKSClusterPolicy from ${name}`, input: { RoleName: name, PolicyArn: policyArn } },
    },
  ];
}

/** The CreateCluster request as the console sends it, from the wizard's input. */
export function createClusterRequest(input: CreateEksClusterInput, roleArn: unknown): Record<string, unknown> {
  const publicAccess = input.endpointAccess !== "private";
  return {
    name: input.clusterName,
    version: input.version,
    roleArn,
    upgradePolicy: { supportType: input.supportType },
    resourcesVpcConfig: {
      subnetIds: input.subnets,
      ...(input.securityGroups.length > 0 ? { securityGroupIds: input.securityGroups } : {}),
      endpointPublicAccess: publicAccess,
      endpointPrivateAccess: input.endpointAccess !== "public",
      ...(publicAccess ? { publicAccessCidrs: splitCidrs(input.publicAccessCidrs) } : {}),
    },
    ...(input.logTypes.length > 0 ? { logging: { clusterLogging: [{ types: input.logTypes, enabled: true }] } } : {}),
    ...(input.encryption === "on" ? { encryptionConfig: [{ resources: ["secrets"], provider: { keyArn: input.kmsKeyArn } }] } : {}),
    ...(input.tags.length > 0 ? { tags: Object.fromEntries(input.tags.map((t) => [t.key, t.value])) } : {}),
  };
}

/**
 * EKS cluster as the console creates it: the cluster role first when asked for,
 * then CreateCluster, waiting until the control plane is ACTIVE (about ten
 * minutes on AWS). A failure part-way leaves a cleanup plan: delete the cluster,
 * detach the policy, delete the role.
 */
export function buildCreateEksClusterPlan(input: CreateEksClusterInput): Plan {
  const create = input.roleMode === "create";
  const name = input.clusterName;
  return {
    version: 1,
    wizard: "eks-cluster",
    title: `Create EKS cluster ${name}`,
    resources: [clusterResource(name)],
    landing: clusterPath(name),
    steps: [
      ...(create ? roleSteps() : []),
      {
        key: "cluster",
        service: "eks",
        operation: "CreateCluster",
        description: `Create EKS cluster ${name} (Kubernetes ${input.version}) and wait until ACTIVE`,
        dependsOn: create ? ["clusterRole", "clusterRolePolicy"] : undefined,
        input: createClusterRequest(input, create ? { $ref: "clusterRole.roleArn" } : input.roleArn),
        produces: { arn: "cluster.arn" },
        waitFor: {
          service: "eks",
          operation: "DescribeCluster",
          input: { name },
          path: "cluster.status",
          success: ["ACTIVE"],
          failure: ["FAILED"],
          description: `cluster ${name} to become ACTIVE`,
          intervalMs: 15_000,
          timeoutMs: 40 * MINUTE,
        },
        inverse: { service: "eks", operation: "DeleteCluster", description: `Delete EKS cluster ${name}`, input: { name } },
      },
    ],
  };
}

/** The next Kubernetes minor version ("1.33" → "1.34"); EKS upgrades one minor version at a time. */
export function nextMinorVersion(version: string): string | null {
  const m = /^(\d+)\.(\d+)$/.exec(version);
  return m ? `${m[1]}.${Number(m[2]) + 1}` : null;
}

/**
 * UpdateClusterVersion, then wait on DescribeUpdate for the update id it returns.
 * There is no inverse: EKS cannot go back to an earlier Kubernetes version.
 */
export function buildUpgradeEksClusterPlan(input: UpgradeEksClusterInput): Plan {
  const name = input.clusterName;
  return {
    version: 1,
    wizard: "eks-cluster-upgrade",
    title: `Upgrade EKS cluster ${name} to Kubernetes ${input.version}`,
    resources: [clusterResource(name)],
    landing: clusterPath(name),
    steps: [
      {
        key: "upgrade",
        service: "eks",
        operation: "UpdateClusterVersion",
        description: `Upgrade cluster ${name} from Kubernetes ${input.currentVersion} to ${input.version} and wait until the update succeeds`,
        input: { name, version: input.version },
        produces: { updateId: "update.id" },
        waitFor: {
          service: "eks",
          operation: "DescribeUpdate",
          input: { name, updateId: { $ref: "upgrade.updateId" } },
          path: "update.status",
          success: ["Successful"],
          failure: ["Failed", "Cancelled"],
          description: `the upgrade of ${name} to ${input.version}`,
          intervalMs: 15_000,
          timeoutMs: 60 * MINUTE,
        },
      },
    ],
  };
}

export type TeardownInput = Omit<DeleteEksClusterInput, "confirmName"> & { nodegroups: string[]; fargateProfiles: string[] };

/**
 * EKS refuses to delete a cluster that still has node groups or Fargate profiles,
 * and deletes Fargate profiles one at a time: delete each and wait until it is
 * gone, then the cluster (its add-ons go with it).
 */
export function buildTeardownEksClusterPlan(input: TeardownInput): Plan {
  const name = input.clusterName;
  const steps: PlanStep[] = [];
  const after = () => (steps.length > 0 ? [steps[steps.length - 1]!.key] : undefined);
  input.nodegroups.forEach((ng, i) => {
    steps.push({
      key: `nodegroup${i}`,
      service: "eks",
      operation: "DeleteNodegroup",
      description: `Delete node group ${ng} and wait until it is gone`,
      dependsOn: after(),
      input: { clusterName: name, nodegroupName: ng },
      waitFor: {
        service: "eks",
        operation: "DescribeNodegroup",
        input: { clusterName: name, nodegroupName: ng },
        path: "nodegroup.status",
        success: [],
        failure: ["DELETE_FAILED"],
        untilGone: true,
        description: `node group ${ng} to be deleted`,
        intervalMs: 15_000,
        timeoutMs: 40 * MINUTE,
      },
    });
  });
  input.fargateProfiles.forEach((fp, i) => {
    steps.push({
      key: `fargateProfile${i}`,
      service: "eks",
      operation: "DeleteFargateProfile",
      description: `Delete Fargate profile ${fp} and wait until it is gone`,
      dependsOn: after(),
      input: { clusterName: name, fargateProfileName: fp },
      waitFor: {
        service: "eks",
        operation: "DescribeFargateProfile",
        input: { clusterName: name, fargateProfileName: fp },
        path: "fargateProfile.status",
        success: [],
        failure: ["DELETE_FAILED"],
        untilGone: true,
        description: `Fargate profile ${fp} to be deleted`,
        intervalMs: 15_000,
        timeoutMs: 20 * MINUTE,
      },
    });
  });
  steps.push({
    key: "cluster",
    service: "eks",
    operation: "DeleteCluster",
    description: `Delete EKS cluster ${name} and wait until it is gone`,
    dependsOn: after(),
    input: { name },
    waitFor: {
      service: "eks",
      operation: "DescribeCluster",
      input: { name },
      path: "cluster.status",
      success: [],
      failure: ["FAILED"],
      untilGone: true,
      description: `cluster ${name} to be deleted`,
      intervalMs: 15_000,
      timeoutMs: 40 * MINUTE,
    },
  });
  return {
    version: 1,
    wizard: "eks-cluster-teardown",
    title: `Tear down EKS cluster ${name}`,
    resources: [clusterResource(name)],
    landing: "/eks/clusters",
    steps,
  };
}
