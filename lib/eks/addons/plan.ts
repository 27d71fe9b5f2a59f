import type { InstallAddonInput, RemoveAddonInput, UpdateAddonInput } from "@/lib/eks/addons/schema";
import type { Plan, WaitFor } from "@/lib/core/plans/types";

export const addonsPath = (cluster: string) => `/eks/clusters/${encodeURIComponent(cluster)}/addons`;

const target = (input: { clusterName: string; addonName: string }) => ({ clusterName: input.clusterName, addonName: input.addonName });
const resources = (input: { clusterName: string; addonName: string }) => [`eks:cluster/${input.clusterName}`, `eks:addon/${input.clusterName}/${input.addonName}`];

function untilActive(input: { clusterName: string; addonName: string }, failure: string[]): WaitFor {
  return {
    service: "eks",
    operation: "DescribeAddon",
    input: target(input),
    path: "addon.status",
    success: ["ACTIVE"],
    failure,
    description: `add-on ${input.addonName} to become ACTIVE`,
  };
}

export function buildInstallAddonPlan(input: InstallAddonInput): Plan {
  return {
    version: 1,
    wizard: "eks-addon",
    title: `Install add-on ${input.addonName} ${input.addonVersion} on EKS cluster ${input.clusterName}`,
    resources: resources(input),
    landing: addonsPath(input.clusterName),
    steps: [
      {
        key: "addon",
        service: "eks",
        operation: "CreateAddon",
        description: `Install ${input.addonName} ${input.addonVersion} (conflicts: ${input.resolveConflicts})`,
        input: {
          ...target(input),
          addonVersion: input.addonVersion,
          ...(input.serviceAccountRoleArn ? { serviceAccountRoleArn: input.serviceAccountRoleArn } : {}),
          resolveConflicts: input.resolveConflicts,
        },
        produces: { arn: "addon.addonArn" },
        waitFor: untilActive(input, ["CREATE_FAILED", "DEGRADED"]),
        inverse: { service: "eks", operation: "DeleteAddon", description: `Remove add-on ${input.addonName}`, input: target(input) },
      },
    ],
  };
}

export function buildUpdateAddonPlan(input: UpdateAddonInput): Plan {
  return {
    version: 1,
    wizard: "eks-addon-update",
    title: `Update add-on ${input.addonName} to ${input.addonVersion} on EKS cluster ${input.clusterName}`,
    resources: resources(input),
    landing: addonsPath(input.clusterName),
    steps: [
      {
        key: "update",
        service: "eks",
        operation: "UpdateAddon",
        description: `Update ${input.addonName} to ${input.addonVersion} (conflicts: ${input.resolveConflicts})`,
        input: {
          ...target(input),
          addonVersion: input.addonVersion,
          ...(input.serviceAccountRoleArn ? { serviceAccountRoleArn: input.serviceAccountRoleArn } : {}),
          resolveConflicts: input.resolveConflicts,
        },
        produces: { updateId: "update.id" },
        waitFor: untilActive(input, ["UPDATE_FAILED", "DEGRADED"]),
      },
    ],
  };
}

export function buildRemoveAddonPlan(input: RemoveAddonInput): Plan {
  return {
    version: 1,
    wizard: "eks-addon-remove",
    title: `Remove add-on ${input.addonName} from EKS cluster ${input.clusterName}`,
    resources: resources(input),
    landing: addonsPath(input.clusterName),
    steps: [
      {
        key: "remove",
        service: "eks",
        operation: "DeleteAddon",
        description: input.preserve
          ? `Stop managing ${input.addonName} (its software stays on the cluster)`
          : `Remove ${input.addonName} and its software from the cluster`,
        input: { ...target(input), preserve: input.preserve },
        waitFor: { ...untilActive(input, ["DELETE_FAILED"]), success: [], untilGone: true, description: `add-on ${input.addonName} to be removed` },
      },
    ],
  };
}
