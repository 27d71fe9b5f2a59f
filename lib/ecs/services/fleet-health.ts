// Pure: how healthy a service's deployment is, and the order ops people want to read a fleet in
// (worst first). No AWS imports, so browser components and unit tests share it.

/** failed: a rollout failed (and maybe rolled back); failing: rolling with failed tasks; degraded: fewer running than desired. */
export type FleetHealth = "failed" | "failing" | "degraded" | "rolling" | "healthy";

export const HEALTH_RANK: Record<FleetHealth, number> = { failed: 0, failing: 1, degraded: 2, rolling: 3, healthy: 4 };

/** The rollout as a person reads it: the PRIMARY deployment's state, or "rolled_back" when a newer one failed and ECS went back. */
export type Rollout = {
  state: "failed" | "rolled_back" | "in_progress" | "completed" | "none";
  /** The PRIMARY deployment's counts (the one ECS is rolling towards). */
  running: number;
  desired: number;
  pending: number;
  failedTasks: number;
  /** How many deployments the service has (more than one while tasks of the old one drain). */
  deployments: number;
  reason?: string;
};

export type DeploymentLike = {
  status?: string;
  rolloutState?: string;
  rolloutStateReason?: string;
  runningCount?: number;
  desiredCount?: number;
  pendingCount?: number;
  failedTasks?: number;
};

export function rolloutOf(deployments: DeploymentLike[]): Rollout {
  const primary = deployments.find((d) => d.status === "PRIMARY");
  const base = {
    running: primary?.runningCount ?? 0,
    desired: primary?.desiredCount ?? 0,
    pending: primary?.pendingCount ?? 0,
    failedTasks: primary?.failedTasks ?? 0,
    deployments: deployments.length,
  };
  if (!primary) return { ...base, state: "none" };
  if (primary.rolloutState === "FAILED") return { ...base, state: "failed", reason: primary.rolloutStateReason };
  // With the circuit breaker's rollback, the failed deployment stays listed (ACTIVE) while ECS
  // rolls back to the previous task definition as a new PRIMARY.
  const failedOther = deployments.find((d) => d !== primary && d.rolloutState === "FAILED");
  if (failedOther) return { ...base, state: "rolled_back", reason: failedOther.rolloutStateReason };
  if (primary.rolloutState === "IN_PROGRESS" || deployments.length > 1) return { ...base, state: "in_progress" };
  return { ...base, state: "completed" };
}

export function healthOf(service: { desired: number; running: number; rollout: Rollout }): FleetHealth {
  const { rollout } = service;
  if (rollout.state === "failed" || rollout.state === "rolled_back") return "failed";
  if (rollout.state === "in_progress" && rollout.failedTasks > 0) return "failing";
  if (service.running < service.desired) return "degraded";
  if (rollout.state === "in_progress") return "rolling";
  return "healthy";
}

/** Worst first, then by name: a failed rollout, a rollout with failed tasks, too few tasks running, rolling, healthy. */
export function byHealth<T extends { health: FleetHealth; name: string }>(a: T, b: T): number {
  return HEALTH_RANK[a.health] - HEALTH_RANK[b.health] || a.name.localeCompare(b.name);
}

export function worstHealth(items: { health: FleetHealth }[]): FleetHealth {
  let worst: FleetHealth = "healthy";
  for (const item of items) if (HEALTH_RANK[item.health] < HEALTH_RANK[worst]) worst = item.health;
  return worst;
}
