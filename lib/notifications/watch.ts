import "server-only";
import { db } from "@/lib/core/db/client";
import { live, liveKey } from "@/lib/core/live/shared";
import { listClusters } from "@/lib/ecs/clusters/reads";
import { readClusterShared } from "@/lib/ecs/services/fleet-live";
import { getLiveServiceShared } from "@/lib/ecs/services/live";
import { detectServiceEvents } from "./detect";
import { SERVICE_EVENT_TYPES } from "./event-types";
import { recordEventQuietly } from "./events";

/** How often services with subscribers are looked at; the reads are the live layer's shared ones. */
const SWEEP_MS = Number(process.env.PORTSIDE_NOTIFY_SWEEP_MS) || 15_000;
const CLUSTER_LIST_TTL_MS = 60_000;
const CONCURRENCY = 4;
const SWEEP_LEASE = "notifications|service-sweep";

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

/**
 * One look at every service someone subscribed to service events for, through the same shared
 * reads the service pages use (a page open on the service costs AWS nothing more). Changes made
 * outside Portside (console, CLI, a pipeline) are seen like Portside's own: the state is read, not
 * the plan history.
 */
export async function sweepOnce(now = new Date()): Promise<void> {
  // One instance of a deployment sweeps: the one holding the sweep's lease in the live relay (it
  // keeps it while it runs; when it stops, its database session ends and another takes over).
  if ((await live.relay?.acquire(SWEEP_LEASE).catch(() => null)) === false) return;
  const subs = await db().notificationSubscription.findMany({
    where: { events: { hasSome: [...SERVICE_EVENT_TYPES] }, channel: { enabled: true } },
    select: { connectionId: true, cluster: true },
  });
  if (subs.length === 0) return;
  const everyConnection = subs.some((s) => !s.connectionId);
  const connections = await db().connection.findMany({ where: everyConnection ? {} : { id: { in: subs.map((s) => s.connectionId!) } } });
  for (const conn of connections) {
    const mine = subs.filter((s) => !s.connectionId || s.connectionId === conn.id);
    const region = conn.defaultRegion;
    try {
      const clusters = mine.some((s) => !s.cluster)
        ? (await live.cache.get(liveKey(conn, region, "ecs", "clusters", "notify"), CLUSTER_LIST_TTL_MS, () => listClusters(conn, region))).map((c) => c.name)
        : [...new Set(mine.map((s) => s.cluster!))];
      for (const cluster of clusters) {
        const { services } = await readClusterShared(conn, region, cluster);
        await mapLimit(services, CONCURRENCY, async (svc) => {
          const state = await getLiveServiceShared(conn, region, cluster, svc.name);
          if (!state.found) return;
          const seen = { connectionId: conn.id, connectionName: conn.name, region, cluster, service: svc.name, desired: state.desired, deployments: state.deployments, tasks: state.tasks, scaling: state.scaling, events: state.events };
          for (const event of detectServiceEvents(seen, now)) await recordEventQuietly(event);
        });
      }
    } catch (error) {
      console.error(`[notifications] sweep of ${conn.name} (${region}) failed`, error);
    }
  }
}

const g = globalThis as typeof globalThis & { __portsideNotifySweep?: NodeJS.Timeout };

/** Every SWEEP_MS, never two at once in this process; other processes sweep too and the event key keeps it one event. */
export function startSweep(): void {
  if (g.__portsideNotifySweep) return;
  let running = false;
  g.__portsideNotifySweep = setInterval(() => {
    if (running) return;
    running = true;
    sweepOnce()
      .catch((error) => console.error("[notifications] sweep failed", error))
      .finally(() => {
        running = false;
      });
  }, SWEEP_MS);
  g.__portsideNotifySweep.unref();
}
