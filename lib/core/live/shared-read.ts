import "server-only";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { GLOBAL_REGION, live, liveKey } from "./shared";

/** A whole number of milliseconds from 0 to 60 s, else the default. */
export function ttlFromEnv(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isInteger(n) && n >= 0 && n <= 60_000 ? n : fallback;
}

/**
 * How long a page-render read is reused (PORTSIDE_READ_TTL_MS, 5 s). Short enough that a change
 * made outside Portside shows on the next load a moment later; long enough that a crowd browsing
 * the same pages costs AWS one read per key per interval. Portside's own changes drop the cache at
 * once, on every instance (changedThroughPortside).
 */
export const READ_TTL_MS = ttlFromEnv(process.env.PORTSIDE_READ_TTL_MS, 5_000);

/**
 * How old the first paint of a page with a live view may be (PORTSIDE_RENDER_BEHIND_LIVE_MS, 15 s):
 * its live stream replaces it within a second of opening, so the render can reuse what the poller
 * (or another render) read instead of asking AWS again.
 */
export const BEHIND_LIVE_TTL_MS = ttlFromEnv(process.env.PORTSIDE_RENDER_BEHIND_LIVE_MS, 15_000);

const MAX_KEY_PART = 512;

/** One argument as part of a cache key: strings as they are, anything else as bounded JSON. */
export function keyPart(value: unknown): string {
  const text = typeof value === "string" ? value : value === undefined ? "" : JSON.stringify(value) ?? "";
  return text.length > MAX_KEY_PART ? `${text.slice(0, MAX_KEY_PART)}…${text.length}` : text;
}

type Conn = Pick<ConnectionSettings, "id" | "updatedAt">;

/**
 * A regional AWS read shared by every caller in this process: identical calls in flight share one
 * request and the result is reused for `ttlMs`. Wrap a read where it is defined, so every page,
 * action and prefill that uses it gets the same behaviour:
 *   export const listClusters = sharedReader("ecs:ListClusters", listClustersFromAws);
 * The arguments after (conn, region) become the key, so they must be plain data.
 */
export function sharedReader<C extends Conn, A extends unknown[], T>(
  name: string,
  read: (conn: C, region: string, ...args: A) => Promise<T>,
  ttlMs = READ_TTL_MS,
): (conn: C, region: string, ...args: A) => Promise<T> {
  return (conn, region, ...args) => live.cache.get(liveKey(conn, region, name, ...args.map(keyPart)), ttlMs, () => read(conn, region, ...args));
}

/** sharedReader for a global service (IAM): keyed per connection, not per region. */
export function sharedGlobalReader<C extends Conn, A extends unknown[], T>(
  name: string,
  read: (conn: C, ...args: A) => Promise<T>,
  ttlMs = READ_TTL_MS,
): (conn: C, ...args: A) => Promise<T> {
  return (conn, ...args) => live.cache.get(liveKey(conn, GLOBAL_REGION, name, ...args.map(keyPart)), ttlMs, () => read(conn, ...args));
}
