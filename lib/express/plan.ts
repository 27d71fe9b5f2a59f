import type { CreateExpressInput, DeleteExpressInput, UpdateExpressInput } from "@/lib/express/schema";
import { buildCreateRoleSteps, roleArnRef } from "../iam/roles";
import type { Plan, PlanStep } from "../core/plans/types";

/** What an Express service runs, as the update form edits it and the service page shows it. */
export type ExpressSettings = {
  image: string;
  containerPort: number;
  cpu: string;
  memory: string;
  minTasks: number;
  maxTasks: number;
  scalingMetric: string;
  scalingTarget: number;
  healthCheckPath: string;
  environment: { name: string; value: string }[];
};

export const expressResource = (serviceName: string) => `ecs:express/${serviceName}`;
export const expressPagePath = (cluster: string, serviceName: string) =>
  `/ecs/express/${encodeURIComponent(cluster)}/${encodeURIComponent(serviceName)}`;

/** The request fields create and update share, in the API's shape. */
function settingsRequest(s: ExpressSettings) {
  return {
    healthCheckPath: s.healthCheckPath,
    primaryContainer: {
      image: s.image,
      containerPort: s.containerPort,
      ...(s.environment.length > 0 ? { environment: s.environment.map((e) => ({ name: e.name, value: e.value })) } : {}),
    },
    cpu: s.cpu,
    memory: s.memory,
    scalingTarget: {
      minTaskCount: s.minTasks,
      maxTaskCount: s.maxTasks,
      autoScalingMetric: s.scalingMetric,
      autoScalingTargetValue: s.scalingTarget,
    },
  };
}

/**
 * Express service from an image: the standard roles first when the person chose to
 * create them (their ARNs are referenced, not guessed), then one
 * CreateExpressGatewayService, which provisions the ECS service, load balancer,
 * security groups and scaling. Cleanup deletes the service, then the roles.
 */
export function buildCreateExpressPlan(input: CreateExpressInput): Plan {
  const steps: PlanStep[] = [];
  const roleArn = (kind: "execution" | "infrastructure") => {
    if (input[`${kind}RoleMode`] === "existing") return input[`${kind}RoleArn`];
    const key = `${kind}Role`;
    steps.push(...buildCreateRoleSteps(kind, key));
    return roleArnRef(key);
  };
  const executionRoleArn = roleArn("execution");
  const infrastructureRoleArn = roleArn("infrastructure");
  const name = input.serviceName;
  const label = name || `(name chosen by AWS)`;

  steps.push({
    key: "service",
    service: "ecs",
    operation: "CreateExpressGatewayService",
    description: `Create Express service ${label} in cluster ${input.cluster}`,
    dependsOn: steps.length > 0 ? steps.map((s) => s.key) : undefined,
    input: {
      ...(name ? { serviceName: name } : {}),
      cluster: input.cluster,
      executionRoleArn,
      infrastructureRoleArn,
      ...settingsRequest(input),
      ...(input.tags.length > 0 ? { tags: input.tags.map((t) => ({ key: t.key, value: t.value })) } : {}),
    },
    produces: { serviceArn: "service.serviceArn" },
    inverse: {
      service: "ecs",
      operation: "DeleteExpressGatewayService",
      description: `Delete Express service ${label}`,
      input: { serviceArn: { $ref: "service.serviceArn" } },
    },
  });

  return {
    version: 1,
    wizard: "ecs-express",
    title: `Create Express service ${label}`,
    resources: [...(name ? [expressResource(name)] : []), `ecs:cluster/${input.cluster}`],
    landing: name ? expressPagePath(input.cluster, name) : "/ecs/express",
    steps,
  };
}

/**
 * One UpdateExpressGatewayService with the full new configuration. Its inverse puts
 * back the configuration read before the change, so a cleanup is a real rollback.
 */
export function buildUpdateExpressPlan(input: UpdateExpressInput, current: ExpressSettings | null): Plan {
  return {
    version: 1,
    wizard: "ecs-express-update",
    title: `Update Express service ${input.serviceName}`,
    resources: [expressResource(input.serviceName), `ecs:cluster/${input.cluster}`],
    landing: expressPagePath(input.cluster, input.serviceName),
    steps: [
      {
        key: "update",
        service: "ecs",
        operation: "UpdateExpressGatewayService",
        description: `Update Express service ${input.serviceName} (${input.image})`,
        input: { serviceArn: input.serviceArn, ...settingsRequest(input) },
        ...(current
          ? {
              inverse: {
                service: "ecs",
                operation: "UpdateExpressGatewayService",
                description: `Put back the previous configuration of ${input.serviceName} (${current.image})`,
                input: { serviceArn: input.serviceArn, ...settingsRequest(current) },
              },
            }
          : {}),
      },
    ],
  };
}

/** Deleting the Express service removes what it provisioned (ECS service, load balancer, scaling). */
export function buildDeleteExpressPlan(input: DeleteExpressInput): Plan {
  return {
    version: 1,
    wizard: "ecs-express-delete",
    title: `Delete Express service ${input.serviceName}`,
    resources: [expressResource(input.serviceName), `ecs:cluster/${input.cluster}`],
    landing: "/ecs/express",
    steps: [
      {
        key: "delete",
        service: "ecs",
        operation: "DeleteExpressGatewayService",
        description: `Delete Express service ${input.serviceName} and the load balancer and scaling it created`,
        input: { serviceArn: input.serviceArn },
      },
    ],
  };
}
