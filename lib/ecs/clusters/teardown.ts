import { autoScalingGroupGone, noContainerInstances, serviceDrained, serviceInactive } from "./teardown-waits";
import { goingGroups, leftoverSteps } from "../services/leftover-steps";
import { GROUP_TITLES, goes, noLeftovers, type LeftoverChoices, type LeftoverGroup, type Leftovers } from "../services/leftovers";
import type { Plan, PlanStep } from "@/lib/core/plans/types";

/** What a cluster holds, as read just before the teardown is planned. */
export type TeardownTarget = {
  clusterName: string;
  clusterArn: string;
  services: { name: string; arn: string }[];
  /** Capacity providers backed by an Auto Scaling group (FARGATE and FARGATE_SPOT are AWS's and stay). */
  capacityProviders: { name: string; autoScalingGroupName: string | null; launchTemplateId: string | null; launchTemplateName: string | null }[];
  /** Whether FARGATE / FARGATE_SPOT are attached; they only need detaching. */
  hasAttachedProviders: boolean;
  /** Container instances registered now (DescribeClusters registeredContainerInstancesCount). */
  containerInstances?: number;
  /** What the services leave behind (load balancing, security groups, auto scaling, schedules). */
  leftovers?: Leftovers;
  /** Per group of leftovers: delete (the default) or keep. */
  choices?: LeftoverChoices;
};

/**
 * Tears a cluster down the way AWS requires: each service scaled to 0 and deleted,
 * the capacity providers detached from the cluster and deleted, their Auto Scaling
 * groups force-deleted (terminating the instances) and launch templates deleted, then
 * the cluster. Each deletion is waited for (tasks stopped, service INACTIVE, group gone,
 * instances deregistered) before the next request, as AWS refuses it otherwise. What the
 * services leave behind and the person chose to delete goes too (see leftoverSteps): auto
 * scaling and schedules first, load balancing and security groups once the services are gone.
 * Task definitions are kept: they cost nothing. Nothing here has an inverse: a teardown
 * is not undone.
 */
export function buildClusterTeardownPlan(t: TeardownTarget): Plan {
  const { before, after } = leftoverSteps(t.leftovers ?? noLeftovers(), t.choices ?? {});
  const steps: PlanStep[] = [...before];
  for (const [i, s] of t.services.entries()) {
    steps.push({
      key: `scale${i}`,
      service: "ecs",
      operation: "UpdateService",
      description: `Scale service ${s.name} to 0 tasks`,
      input: { cluster: t.clusterArn, service: s.arn, desiredCount: 0 },
      waitFor: serviceDrained(t.clusterArn, s.arn, s.name),
    });
    steps.push({
      key: `service${i}`,
      service: "ecs",
      operation: "DeleteService",
      description: `Delete service ${s.name}`,
      dependsOn: [`scale${i}`],
      input: { cluster: t.clusterArn, service: s.arn },
      waitFor: serviceInactive(t.clusterArn, s.arn, s.name),
    });
  }
  const serviceKeys = t.services.map((_, i) => `service${i}`);
  steps.push(...after.map((s, i) => (i === 0 && serviceKeys.length ? { ...s, dependsOn: serviceKeys } : s)));
  if (t.capacityProviders.length > 0 || t.hasAttachedProviders) {
    steps.push({
      key: "detach",
      service: "ecs",
      operation: "PutClusterCapacityProviders",
      description: `Detach the capacity providers from ${t.clusterName}`,
      dependsOn: serviceKeys.length ? serviceKeys : undefined,
      input: { cluster: t.clusterArn, capacityProviders: [], defaultCapacityProviderStrategy: [] },
    });
  }
  for (const [i, cp] of t.capacityProviders.entries()) {
    steps.push({
      key: `cp${i}`,
      service: "ecs",
      operation: "DeleteCapacityProvider",
      description: `Delete capacity provider ${cp.name}`,
      dependsOn: ["detach"],
      input: { capacityProvider: cp.name },
    });
    if (cp.autoScalingGroupName) {
      steps.push({
        key: `asg${i}`,
        service: "autoscaling",
        operation: "DeleteAutoScalingGroup",
        description: `Delete Auto Scaling group ${cp.autoScalingGroupName} and terminate its instances`,
        dependsOn: [`cp${i}`],
        input: { AutoScalingGroupName: cp.autoScalingGroupName, ForceDelete: true },
        waitFor: autoScalingGroupGone(cp.autoScalingGroupName),
      });
    }
    if (cp.launchTemplateId) {
      steps.push({
        key: `lt${i}`,
        service: "ec2",
        operation: "DeleteLaunchTemplate",
        description: `Delete launch template ${cp.launchTemplateName ?? cp.launchTemplateId}`,
        dependsOn: cp.autoScalingGroupName ? [`asg${i}`] : [`cp${i}`],
        input: { LaunchTemplateId: cp.launchTemplateId },
      });
    }
  }
  if (t.capacityProviders.some((cp) => cp.autoScalingGroupName) || (t.containerInstances ?? 0) > 0) {
    // A read, not a change: the executor's wait needs a request to hang on.
    steps.push({
      key: "instances",
      service: "ecs",
      operation: "DescribeClusters",
      description: `Check that no container instances are left in ${t.clusterName}`,
      dependsOn: steps.length ? [steps[steps.length - 1]!.key] : undefined,
      input: { clusters: [t.clusterArn] },
      waitFor: noContainerInstances(t.clusterArn, t.clusterName),
    });
  }
  steps.push({
    key: "cluster",
    service: "ecs",
    operation: "DeleteCluster",
    description: `Delete cluster ${t.clusterName}`,
    dependsOn: steps.length ? [steps[steps.length - 1]!.key] : undefined,
    input: { cluster: t.clusterArn },
  });
  return {
    version: 1,
    wizard: "ecs-cluster-teardown",
    title: `Tear down ECS cluster ${t.clusterName}`,
    resources: [`ecs:cluster/${t.clusterName}`, ...t.capacityProviders.map((cp) => `ecs:capacity-provider/${cp.name}`)],
    landing: "/ecs/clusters",
    steps,
  };
}

/** Everything the teardown deletes, in the plan's order, for the confirmation to name (leftovers by group, listed in full below it). */
export function teardownSummary(t: TeardownTarget): string[] {
  const leftovers = t.leftovers ?? noLeftovers();
  const group = (g: LeftoverGroup) => {
    const n = g === "securityGroups" ? goingGroups(leftovers, t.choices ?? {}).length : leftovers[g].filter((i) => goes(i, g, t.choices ?? {})).length;
    return n ? [`${GROUP_TITLES[g]}: ${n === 1 ? "1 resource" : `${n} resources`} (listed below)`] : [];
  };
  return [
    ...group("autoScaling"),
    ...group("schedules"),
    ...t.services.map((s) => `Service ${s.name} (scaled to 0, then deleted)`),
    ...group("loadBalancing"),
    ...group("securityGroups"),
    ...t.capacityProviders.flatMap((cp) => [
      `Capacity provider ${cp.name}`,
      ...(cp.autoScalingGroupName ? [`Auto Scaling group ${cp.autoScalingGroupName} and its EC2 instances`] : []),
      ...(cp.launchTemplateId ? [`Launch template ${cp.launchTemplateName ?? cp.launchTemplateId}`] : []),
    ]),
    `Cluster ${t.clusterName}`,
  ];
}
