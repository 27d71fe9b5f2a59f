import type { CreateClusterInput } from "@/lib/validation/ecs-cluster";
import type { Plan } from "./types";

/**
 * Fargate cluster: the cluster first (settings, tags), then its capacity providers
 * and default strategy, as the console does. Two steps, so a failure between them
 * leaves a cluster the cleanup plan removes.
 */
export function buildCreateClusterPlan(input: CreateClusterInput): Plan {
  const strategy = [
    { capacityProvider: "FARGATE", weight: input.fargateWeight, base: input.fargateBase },
    { capacityProvider: "FARGATE_SPOT", weight: input.spotWeight, base: input.spotBase },
  ].filter((s) => s.weight > 0 || s.base > 0);

  return {
    version: 1,
    wizard: "ecs-cluster",
    title: `Create ECS cluster ${input.clusterName}`,
    resources: [`ecs:cluster/${input.clusterName}`],
    landing: `/ecs/clusters/${encodeURIComponent(input.clusterName)}`,
    steps: [
      {
        key: "cluster",
        service: "ecs",
        operation: "CreateCluster",
        description: `Create cluster ${input.clusterName}`,
        input: {
          clusterName: input.clusterName,
          settings: [{ name: "containerInsights", value: input.containerInsights }],
          ...(input.tags.length > 0 ? { tags: input.tags.map((t) => ({ key: t.key, value: t.value })) } : {}),
        },
        produces: { clusterArn: "cluster.clusterArn" },
        inverse: {
          service: "ecs",
          operation: "DeleteCluster",
          description: `Delete cluster ${input.clusterName}`,
          input: { cluster: { $ref: "cluster.clusterArn" } },
        },
      },
      {
        key: "capacity",
        service: "ecs",
        operation: "PutClusterCapacityProviders",
        description: `Attach FARGATE and FARGATE_SPOT with the default strategy`,
        dependsOn: ["cluster"],
        input: {
          cluster: { $ref: "cluster.clusterArn" },
          capacityProviders: ["FARGATE", "FARGATE_SPOT"],
          defaultCapacityProviderStrategy: strategy,
        },
      },
    ],
  };
}
