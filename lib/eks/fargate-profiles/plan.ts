import { FARGATE_ROLE, type CreateFargateProfileInput, type DeleteFargateProfileInput } from "@/lib/eks/fargate-profiles/schema";
import { eksRoleSteps } from "../nodegroups/plan";
import type { Plan, PlanRef } from "@/lib/core/plans/types";

export const fargateProfilesPath = (cluster: string) => `/eks/clusters/${encodeURIComponent(cluster)}/fargate-profiles`;

const target = (input: { clusterName: string; fargateProfileName: string }) => ({ clusterName: input.clusterName, fargateProfileName: input.fargateProfileName });

/** Fargate profile: the pod execution role when asked for, then CreateFargateProfile, waited on until ACTIVE. */
export function buildCreateFargateProfilePlan(input: CreateFargateProfileInput): Plan {
  const createRole = input.podRoleMode === "create";
  const roleSteps = createRole
    ? eksRoleSteps("podRole", { name: FARGATE_ROLE.name, principal: FARGATE_ROLE.principal, policies: [FARGATE_ROLE.policyArn], description: "Lets EKS pull images and write logs for pods that run on Fargate." })
    : [];
  const podExecutionRoleArn: PlanRef | string = createRole ? { $ref: "podRole.roleArn" } : input.podRoleArn;
  return {
    version: 1,
    wizard: "eks-fargate-profile",
    title: `Create Fargate profile ${input.fargateProfileName} in EKS cluster ${input.clusterName}`,
    resources: [`eks:cluster/${input.clusterName}`, `eks:fargateprofile/${input.clusterName}/${input.fargateProfileName}`],
    landing: fargateProfilesPath(input.clusterName),
    steps: [
      ...roleSteps,
      {
        key: "profile",
        service: "eks",
        operation: "CreateFargateProfile",
        description: `Create Fargate profile ${input.fargateProfileName} for ${input.selectors.map((s) => s.namespace).join(", ")}`,
        dependsOn: createRole ? roleSteps.map((s) => s.key) : undefined,
        input: {
          ...target(input),
          podExecutionRoleArn,
          subnets: input.subnets,
          selectors: input.selectors.map((s) => ({
            namespace: s.namespace,
            ...(s.labels.length ? { labels: Object.fromEntries(s.labels.map((l) => [l.key, l.value])) } : {}),
          })),
        },
        produces: { arn: "fargateProfile.fargateProfileArn" },
        waitFor: {
          service: "eks",
          operation: "DescribeFargateProfile",
          input: target(input),
          path: "fargateProfile.status",
          success: ["ACTIVE"],
          failure: ["CREATE_FAILED"],
          description: `Fargate profile ${input.fargateProfileName} to become ACTIVE`,
        },
        inverse: { service: "eks", operation: "DeleteFargateProfile", description: `Delete Fargate profile ${input.fargateProfileName}`, input: target(input) },
      },
    ],
  };
}

export function buildDeleteFargateProfilePlan(input: DeleteFargateProfileInput): Plan {
  return {
    version: 1,
    wizard: "eks-fargate-profile-delete",
    title: `Delete Fargate profile ${input.fargateProfileName} from EKS cluster ${input.clusterName}`,
    resources: [`eks:cluster/${input.clusterName}`, `eks:fargateprofile/${input.clusterName}/${input.fargateProfileName}`],
    landing: fargateProfilesPath(input.clusterName),
    steps: [
      {
        key: "delete",
        service: "eks",
        operation: "DeleteFargateProfile",
        description: `Delete Fargate profile ${input.fargateProfileName}`,
        input: target(input),
        waitFor: {
          service: "eks",
          operation: "DescribeFargateProfile",
          input: target(input),
          path: "fargateProfile.status",
          success: [],
          failure: ["DELETE_FAILED"],
          untilGone: true,
          description: `Fargate profile ${input.fargateProfileName} to be deleted`,
        },
      },
    ],
  };
}
