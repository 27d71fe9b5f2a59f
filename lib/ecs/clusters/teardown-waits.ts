import type { WaitFor } from "@/lib/core/plans/types";

/**
 * The waits a teardown needs on real AWS, where each deletion finishes after its request:
 * a scaled-down service still stops its tasks, a deleted service drains (DRAINING) before
 * it is INACTIVE, a force-deleted Auto Scaling group terminates its instances before it is
 * gone, and those instances deregister from the cluster after that. Without them AWS refuses
 * the next step (DeleteCluster with instances or tasks left, a launch template still in use).
 */
const POLL_MS = 5_000;

/** After UpdateService desiredCount 0: until no task of the service is running. */
export function serviceDrained(cluster: string, service: string, name: string): WaitFor {
  return {
    service: "ecs",
    operation: "DescribeServices",
    input: { cluster, services: [service] },
    path: "services.0.runningCount",
    success: ["0"],
    // A service deleted meanwhile (by someone else) has no tasks either.
    untilGone: true,
    description: `service ${name} to stop its tasks`,
    intervalMs: POLL_MS,
    timeoutMs: 15 * 60_000,
  };
}

/** After DeleteService: DRAINING until its tasks have stopped, then INACTIVE (or no longer described). */
export function serviceInactive(cluster: string, service: string, name: string): WaitFor {
  return {
    service: "ecs",
    operation: "DescribeServices",
    input: { cluster, services: [service] },
    path: "services.0.status",
    success: ["INACTIVE"],
    untilGone: true,
    description: `service ${name} to drain and become INACTIVE`,
    intervalMs: POLL_MS,
    timeoutMs: 20 * 60_000,
  };
}

/** After DeleteAutoScalingGroup with ForceDelete: the group is listed ("Delete in progress") until its instances are terminated. */
export function autoScalingGroupGone(name: string): WaitFor {
  return {
    service: "autoscaling",
    operation: "DescribeAutoScalingGroups",
    input: { AutoScalingGroupNames: [name] },
    path: "AutoScalingGroups.length",
    success: ["0"],
    description: `Auto Scaling group ${name} to terminate its instances and be deleted`,
    intervalMs: POLL_MS * 2,
    timeoutMs: 30 * 60_000,
  };
}

/** Before DeleteCluster: terminated instances deregister from the cluster a little after they stop. */
export function noContainerInstances(clusterArn: string, name: string): WaitFor {
  return {
    service: "ecs",
    operation: "DescribeClusters",
    input: { clusters: [clusterArn] },
    path: "clusters.0.registeredContainerInstancesCount",
    success: ["0"],
    untilGone: true,
    description: `cluster ${name} to have no registered container instances`,
    intervalMs: POLL_MS,
    timeoutMs: 20 * 60_000,
  };
}
