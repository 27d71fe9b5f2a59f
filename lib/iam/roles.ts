import type { PlanRef, PlanStep } from "../core/plans/types";

export type StandardRoleKind = "execution" | "infrastructure";

/**
 * The roles the ECS console offers to create for Express Mode, with AWS's trust
 * principals and managed policies (ECS developer guide: task execution IAM role;
 * infrastructure IAM role, AmazonECSInfrastructureRoleforExpressGatewayServices).
 */
export const STANDARD_ROLES: Record<StandardRoleKind, { name: string; principal: string; policyArn: string; description: string }> = {
  execution: {
    name: "ecsTaskExecutionRole",
    principal: "ecs-tasks.amazonaws.com",
    policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
    description: "Lets ECS pull images and write container logs for your tasks.",
  },
  infrastructure: {
    name: "ecsInfrastructureRoleForExpressServices",
    principal: "ecs.amazonaws.com",
    policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRoleforExpressGatewayServices",
    description: "Lets ECS create the load balancer, security groups, certificate and scaling for Express services.",
  },
};

export function trustPolicy(principal: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: principal }, Action: "sts:AssumeRole" }],
  });
}

/**
 * CreateRole then AttachRolePolicy for one standard role. The first step produces
 * `roleArn` (reference it with `roleArnRef`); the inverses detach and delete, and a
 * cleanup plan runs them newest first, so the policy is detached before the delete.
 */
export function buildCreateRoleSteps(kind: StandardRoleKind, key: string): PlanStep[] {
  const role = STANDARD_ROLES[kind];
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
    {
      key: `${key}Policy`,
      service: "iam",
      operation: "AttachRolePolicy",
      description: `Attach ${role.policyArn.split("/").pop()} to ${role.name}`,
      dependsOn: [key],
      input: { RoleName: role.name, PolicyArn: role.policyArn },
      inverse: {
        service: "iam",
        operation: "DetachRolePolicy",
        description: `Detach ${role.policyArn.split("/").pop()} from ${role.name}`,
        input: { RoleName: role.name, PolicyArn: role.policyArn },
      },
    },
  ];
}

export function roleArnRef(key: string): PlanRef {
  return { $ref: `${key}.roleArn` };
}
