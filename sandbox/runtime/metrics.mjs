// Sandbox metrics: the CPU / memory utilization a service's tasks would report, and the per-service
// "load" knob (POST /_sandbox/load) that pushes it up so auto scaling can be seen working.

/** Last path segment of an ARN or a plain name: arn:aws:ecs:us-east-1:1:cluster/prod → prod. */
export function nameOf(nameOrArn) {
  const s = String(nameOrArn ?? "");
  return s.startsWith("arn:") ? s.split("/").pop() : s;
}

/** Region of an ARN, or the fallback. */
export function regionOf(arn, fallback = "us-east-1") {
  const parts = String(arn ?? "").split(":");
  return parts[0] === "arn" && parts[3] ? parts[3] : fallback;
}

const loadKey = (cluster, service) => `${nameOf(cluster)}/${nameOf(service)}`;

function checkLevel(value, field, max) {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > max) {
    throw new Error(`${field} must be a number from 0 to ${max}`);
  }
  return value;
}

/**
 * Load per service, keyed by cluster and service name (ARNs accepted). `cpu` and `memory` are the
 * service's extra utilization summed over its tasks, in percent of one task: cpu 150 on 3 tasks adds
 * 50 points to each, on 1 task it pins it at 100. `requests` is requests per second for the whole
 * service (it drives the access-log line rate).
 */
export class LoadStore {
  #byKey = new Map();

  /** @param {{ cluster: string, service: string, cpu?: number, memory?: number, requests?: number }} input */
  set(input) {
    const { cluster, service } = input ?? {};
    if (typeof cluster !== "string" || !cluster) throw new Error("cluster (name or ARN) is required");
    if (typeof service !== "string" || !service) throw new Error("service (name or ARN) is required");
    const cpu = checkLevel(input.cpu, "cpu", 100_000);
    const memory = checkLevel(input.memory, "memory", 100_000);
    const requests = checkLevel(input.requests, "requests", 1_000_000);
    const key = loadKey(cluster, service);
    const prev = this.#byKey.get(key) ?? { cpu: 0, memory: 0, requests: 0 };
    const next = {
      cluster: nameOf(cluster),
      service: nameOf(service),
      cpu: cpu ?? prev.cpu,
      memory: memory ?? prev.memory,
      requests: requests ?? prev.requests,
    };
    if (next.cpu === 0 && next.memory === 0 && next.requests === 0) this.#byKey.delete(key);
    else this.#byKey.set(key, next);
    return next;
  }
  get(cluster, service) {
    return this.#byKey.get(loadKey(cluster, service)) ?? { cluster: nameOf(cluster), service: nameOf(service), cpu: 0, memory: 0, requests: 0 };
  }
  list() {
    return [...this.#byKey.values()];
  }
  clear() {
    this.#byKey.clear();
  }
}

// One LoadStore per moto: the gateway's control API and the runtime agent's telemetry find the same
// store through the moto URL they share, without having to pass objects to each other.
const stores = new Map();
/** @returns {LoadStore} */
export function loadStoreFor(motoUrl) {
  const key = new URL(motoUrl).origin;
  let s = stores.get(key);
  if (!s) stores.set(key, (s = new LoadStore()));
  return s;
}

/** Stable 0..1 number from a string (so each service has its own baseline). */
export function hash01(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) / 4294967296;
}

const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));

/**
 * Utilization of one task of a service that runs `runningTasks` tasks under `load`.
 * Baseline: CPU 5–15 %, memory 20–40 % depending on the service, ±noise; load / runningTasks on top.
 */
export function taskUtilization({ key, runningTasks, load, rand = Math.random }) {
  const n = Math.max(1, runningTasks);
  const b = hash01(key);
  const cpuBase = 5 + b * 10;
  const memBase = 20 + b * 20;
  const cpu = clamp(cpuBase + (load?.cpu ?? 0) / n + (load?.requests ?? 0) * 0.02 / n + (rand() - 0.5) * 4, 0.1, 100);
  const memory = clamp(memBase + (load?.memory ?? 0) / n + (rand() - 0.5) * 2, 0.1, 100);
  return { cpu, memory };
}

/**
 * The metric data one publish round sends for a set of running tasks, grouped by region:
 * AWS/ECS CPUUtilization and MemoryUtilization per ClusterName+ServiceName and per ClusterName,
 * ECS/ContainerInsights RunningTaskCount per ClusterName+ServiceName, and for services behind a
 * load balancer (task.loadBalancers[].targetGroupArn) AWS/ApplicationELB RequestCountPerTarget per
 * TargetGroup: the requests one target served since the last round (`elapsedSec`), at
 * `requestsPerTask` per second plus the load's requests shared by the tasks.
 * @returns {Map<string, { AWS_ECS: any[], ContainerInsights: any[], ALB: any[] }>}
 */
export function metricRound(nowMs, runningTasks, loadStore, { rand = Math.random, perTask, elapsedSec = 60, requestsPerTask = 1 } = {}) {
  /** @type {Map<string, { region: string, clusterName: string, serviceName: string|null, tasks: any[] }>} */
  const groups = new Map();
  for (const t of runningTasks) {
    const serviceName = t.serviceName ?? null;
    const region = regionOf(t.clusterArn ?? t.taskArn);
    const k = `${region}\u0000${t.clusterName}\u0000${serviceName ?? `group:${t.group ?? ""}`}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { region, clusterName: t.clusterName, serviceName, tasks: [] }));
    g.tasks.push(t);
  }
  const Timestamp = new Date(nowMs);
  const byRegion = new Map();
  const clusters = new Map(); // region+cluster → { cpu: [], memory: [] }
  for (const g of groups.values()) {
    const load = g.serviceName ? loadStore.get(g.clusterName, g.serviceName) : undefined;
    const key = `${g.clusterName}/${g.serviceName ?? g.tasks[0]?.group ?? ""}`;
    const utils = g.tasks.map((t) => {
      const u = taskUtilization({ key, runningTasks: g.tasks.length, load, rand });
      perTask?.(t, u);
      return u;
    });
    const avg = (f) => utils.reduce((s, u) => s + u[f], 0) / utils.length;
    let r = byRegion.get(g.region);
    if (!r) byRegion.set(g.region, (r = { AWS_ECS: [], ContainerInsights: [], ALB: [] }));
    const ck = `${g.region}\u0000${g.clusterName}`;
    let c = clusters.get(ck);
    if (!c) clusters.set(ck, (c = { region: g.region, clusterName: g.clusterName, cpu: [], memory: [] }));
    c.cpu.push(...utils.map((u) => u.cpu));
    c.memory.push(...utils.map((u) => u.memory));
    if (!g.serviceName) continue; // standalone tasks only count towards the cluster
    const dims = [
      { Name: "ClusterName", Value: g.clusterName },
      { Name: "ServiceName", Value: g.serviceName },
    ];
    r.AWS_ECS.push(
      { MetricName: "CPUUtilization", Dimensions: dims, Timestamp, Value: round2(avg("cpu")), Unit: "Percent" },
      { MetricName: "MemoryUtilization", Dimensions: dims, Timestamp, Value: round2(avg("memory")), Unit: "Percent" },
    );
    r.ContainerInsights.push({ MetricName: "RunningTaskCount", Dimensions: dims, Timestamp, Value: g.tasks.length, Unit: "Count" });
    const targetGroups = new Set((g.tasks[0].loadBalancers ?? []).map((lb) => lb?.targetGroupArn).filter(Boolean));
    for (const arn of targetGroups) {
      const perTarget = (requestsPerTask + (load?.requests ?? 0) / g.tasks.length) * elapsedSec;
      r.ALB.push({
        MetricName: "RequestCountPerTarget",
        Dimensions: [{ Name: "TargetGroup", Value: String(arn).split(":").slice(5).join(":") }],
        Timestamp,
        Value: Math.round(perTarget * (0.9 + rand() * 0.2)),
        Unit: "Count",
      });
    }
  }
  for (const c of clusters.values()) {
    const dims = [{ Name: "ClusterName", Value: c.clusterName }];
    const mean = (a) => a.reduce((s, v) => s + v, 0) / a.length;
    byRegion.get(c.region).AWS_ECS.push(
      { MetricName: "CPUUtilization", Dimensions: dims, Timestamp, Value: round2(mean(c.cpu)), Unit: "Percent" },
      { MetricName: "MemoryUtilization", Dimensions: dims, Timestamp, Value: round2(mean(c.memory)), Unit: "Percent" },
    );
  }
  return byRegion;
}

const round2 = (v) => Math.round(v * 100) / 100;
