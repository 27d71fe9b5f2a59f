import "server-only";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { ReadBudget } from "./budget";
import { Coalescer } from "./coalesce";
import { WatchHub } from "./hub";
import { liveErrorOf } from "./poll-error";
import { pgRelay } from "./pg-relay";
import type { LiveRelay } from "./relay";

// One cache and one hub per server process. Kept on globalThis because Next may load this module
// in more than one bundle (pages, route handlers) and they must share the same pollers.
// Instances share their pollers through Postgres (pg-relay.ts) unless PORTSIDE_LIVE_RELAY=off.
// Live polls of one connection + region are held to PORTSIDE_LIVE_POLLS_PER_SECOND (10, bursts of
// 3×) for the whole deployment: each instance takes its share.
const store = globalThis as typeof globalThis & { __portsideLive?: { cache: Coalescer; hub: WatchHub; relay: LiveRelay | null; budget: ReadBudget } };
store.__portsideLive ??= (() => {
  const url = process.env.DATABASE_URL;
  const relay = url && process.env.PORTSIDE_LIVE_RELAY !== "off" ? pgRelay(url) : null;
  const perSecond = Number(process.env.PORTSIDE_LIVE_POLLS_PER_SECOND) > 0 ? Number(process.env.PORTSIDE_LIVE_POLLS_PER_SECOND) : 10;
  const budget = new ReadBudget({ perSecond, burst: perSecond * 3 });
  const shared = { cache: new Coalescer(), hub: new WatchHub({ relay, budget, toRelayError: liveErrorOf }), relay, budget };
  // Another instance changed something through Portside: drop what this one cached of it, poll it now.
  relay?.onChange((prefix) => {
    shared.cache.invalidate(prefix);
    shared.hub.nudgePrefix(prefix);
  });
  if (relay) {
    const resplit = () => void relay.instances().then((n) => n && budget.setShare(1 / n), () => {});
    setInterval(resplit, 30_000).unref();
  }
  return shared;
})();

/** IAM is global: its reads are keyed under this pseudo-region and dropped by every change. */
export const GLOBAL_REGION = "global";

/** Reads shared by everyone: `live.cache.get(key, ttlMs, load)`; watchers: `live.hub.subscribe(...)`. */
export const live = store.__portsideLive;

/**
 * Key for a cached read or a watcher: the connection (with its version, so edits take effect),
 * the region and what is read, e.g. liveKey(conn, "eu-west-1", "ecs", "services", clusterArn).
 */
export function liveKey(conn: Pick<ConnectionSettings, "id" | "updatedAt">, region: string, ...what: string[]): string {
  return [conn.id, conn.updatedAt.getTime(), region, ...what].join("|");
}

/** Prefix of every key of one connection and region: to invalidate or nudge after a change. */
export function livePrefix(conn: Pick<ConnectionSettings, "id" | "updatedAt">, region: string, ...what: string[]): string {
  return liveKey(conn, region, ...what) + (what.length ? "|" : "");
}

/**
 * Something in this connection and region was just changed through Portside: drop cached reads and
 * poll every live view of it now, so the person sees the effect at once rather than a poll later.
 */
export function changedThroughPortside(conn: Pick<ConnectionSettings, "id" | "updatedAt">, region: string): void {
  const prefix = livePrefix(conn, region);
  live.cache.invalidate(prefix);
  // Global services (IAM) are cached under one pseudo-region: a plan may have created a role.
  live.cache.invalidate(livePrefix(conn, GLOBAL_REGION));
  live.hub.nudgePrefix(prefix);
  void live.relay?.broadcastChange(prefix).catch((error) => console.error("[live] telling other instances of a change failed", error));
}
