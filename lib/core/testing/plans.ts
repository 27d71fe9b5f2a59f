import type { Plan, WaitFor } from "@/lib/core/plans/types";

// Plans of the shape features build, written out, so the core's tests (executor, cleanup, submit,
// waits) need no feature: lib/core imports none (lib/README.md).

/** CreateCluster, then PutClusterCapacityProviders on its ARN: FARGATE 1, FARGATE_SPOT 2. */
export function clusterPlan(clusterName: string): Plan {
  return {
    version: 1,
    wizard: "ecs-cluster",
    title: `Create ECS cluster ${clusterName}`,
    resources: [`ecs:cluster/${clusterName}`],
    landing: `/ecs/clusters/${clusterName}`,
    steps: [
      {
        key: "cluster",
        service: "ecs",
        operation: "CreateCluster",
        description: `Create cluster ${clusterName}`,
        input: { clusterName, settings: [{ name: "containerInsights", value: "disabled" }] },
        produces: { clusterArn: "cluster.clusterArn" },
        inverse: { service: "ecs", operation: "DeleteCluster", description: `Delete cluster ${clusterName}`, input: { cluster: { $ref: "cluster.clusterArn" } } },
      },
      {
        key: "capacity",
        service: "ecs",
        operation: "PutClusterCapacityProviders",
        description: "Attach FARGATE, FARGATE_SPOT with the default strategy",
        dependsOn: ["cluster"],
        input: {
          cluster: { $ref: "cluster.clusterArn" },
          capacityProviders: ["FARGATE", "FARGATE_SPOT"],
          defaultCapacityProviderStrategy: [
            { capacityProvider: "FARGATE", weight: 1, base: 0 },
            { capacityProvider: "FARGATE_SPOT", weight: 2, base: 0 },
          ],
        },
      },
    ],
  };
}

/** One App Runner service operation (DeleteService, PauseService…) on a service ARN. */
export function appRunnerOperationPlan(operation: string, input: { serviceArn: string; serviceName: string }): Plan {
  const description = `${operation.replace(/Service$/, "")} App Runner service ${input.serviceName}`;
  return {
    version: 1,
    wizard: "apprunner-service-operation",
    title: description,
    resources: [`apprunner:service/${input.serviceName}`],
    landing: "/apprunner",
    steps: [{ key: "operation", service: "apprunner", operation, description, input: { ServiceArn: input.serviceArn } }],
  };
}

/** DescribeServices until the service is INACTIVE or no longer listed: a deletion's wait. */
export function serviceGoneWait(cluster: string, service: string): WaitFor {
  return {
    service: "ecs",
    operation: "DescribeServices",
    input: { cluster, services: [service] },
    path: "services.0.status",
    success: ["INACTIVE"],
    untilGone: true,
    description: `service ${service} to drain and become INACTIVE`,
    intervalMs: 1,
    timeoutMs: 60_000,
  };
}
