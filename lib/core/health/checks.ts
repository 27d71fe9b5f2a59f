/**
 * What `GET /api/health` reports, for a load balancer and for whoever runs Portside: whether this
 * instance can serve (the database answers, the plan queue runs) and how the live layer shares its
 * pollers. Only states, never errors' text: the route is open to anyone who can reach the port.
 */
export type CheckState = "ok" | "failing" | "off" | "local" | "shared";
export type Health = {
  status: "ok" | "failing" | "draining";
  checks: { database: CheckState; queue: CheckState; live: CheckState };
};

export type HealthProbes = {
  database: () => Promise<unknown>;
  /** null: the worker is off on this instance (PORTSIDE_WORKER=off). */
  queue: (() => Promise<boolean>) | null;
  /** Whether live pollers are shared with other instances right now. */
  live: () => "local" | "shared";
  draining: () => boolean;
  timeoutMs?: number;
};

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms).unref?.())]);
}

export async function checkHealth(probes: HealthProbes): Promise<Health> {
  const ms = probes.timeoutMs ?? 2_000;
  const [database, queue] = await Promise.all([
    within(probes.database(), ms).then((): CheckState => "ok", (): CheckState => "failing"),
    probes.queue ? within(probes.queue(), ms).then((up): CheckState => (up ? "ok" : "failing"), (): CheckState => "failing") : Promise.resolve<CheckState>("off"),
  ]);
  const checks = { database, queue, live: probes.live() };
  const status = probes.draining() ? "draining" : database === "ok" && queue !== "failing" ? "ok" : "failing";
  return { status, checks };
}
