import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import type { FollowHandlers, LiveRelay, RelayEvent } from "./relay";

/**
 * The live relay on Postgres, so N Portside instances poll AWS for a watched key once:
 * - the lease is a session-level advisory lock per key (pg_try_advisory_lock on one connection per
 *   process): it ends by itself when the process or its connection dies;
 * - the leader writes each result to "LiveValue" and NOTIFYs `portside_live` when it changed; the
 *   others read the row. Results go through a table because a NOTIFY payload is limited to 8,000
 *   bytes and a service's live view is larger;
 * - a released key and a change made through Portside are NOTIFYed too, so followers take over at
 *   once and every instance drops its cached reads of what changed.
 * While the database cannot be reached, `acquire` answers null and the hub polls locally.
 */

export const CHANNEL = "portside_live";
/** Each instance's relay session carries this name: counting them tells how many instances run. */
const APPLICATION_NAME = "portside-live-relay";
const RETRY_AFTER_MS = 5_000;
const MAX_PAYLOAD = 8_000;
const MAX_PREFIX = 1_000;

const digest = (key: string) => createHash("sha256").update(key).digest();
/** The advisory lock id of a key: the first 8 bytes of its sha256, as Postgres's signed bigint. */
export const lockIdOf = (key: string) => digest(key).readBigInt64BE(0).toString();
export const rowKeyOf = (key: string) => digest(key).toString("hex");

type NoticeBody = { t: "pub" | "rel"; k: string } | { t: "chg"; p: string };
export type Notice = NoticeBody & { o: string };

/** A NOTIFY payload from another instance, or null when it is not one of ours. Bounded. */
export function parseNotice(payload: string | undefined): Notice | null {
  if (typeof payload !== "string" || payload.length > MAX_PAYLOAD) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== "object") return null;
  const n = raw as Record<string, unknown>;
  if (typeof n.o !== "string" || n.o.length > 64) return null;
  if ((n.t === "pub" || n.t === "rel") && typeof n.k === "string" && /^[0-9a-f]{64}$/.test(n.k)) return { o: n.o, t: n.t, k: n.k };
  if (n.t === "chg" && typeof n.p === "string" && n.p.length <= MAX_PREFIX) return { o: n.o, t: "chg", p: n.p };
  return null;
}

export function pgRelay(connectionString: string): LiveRelay {
  const origin = randomUUID();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client | null> | null = null;
  let downUntil = 0;
  let closed = false;
  const held = new Set<string>();
  const followers = new Map<string, Set<FollowHandlers>>();
  const changeListeners: ((prefix: string) => void)[] = [];

  const lost = (c: pg.Client, error?: unknown) => {
    if (client !== c) return;
    if (error) console.error("[live] relay connection lost; polling locally until it is back", error);
    client = null;
    downUntil = Date.now() + RETRY_AFTER_MS;
    held.clear(); // the advisory locks ended with the session
    for (const set of followers.values()) for (const f of [...set]) f.onReleased();
  };

  const onNotice = (payload: string | undefined) => {
    const notice = parseNotice(payload);
    if (!notice || notice.o === origin) return;
    if (notice.t === "chg") for (const listener of changeListeners) listener(notice.p);
    else for (const f of [...(followers.get(notice.k) ?? [])]) (notice.t === "pub" ? f.onPublish : f.onReleased)();
  };

  async function connection(): Promise<pg.Client | null> {
    if (client) return client;
    if (closed || Date.now() < downUntil) return null;
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString, application_name: APPLICATION_NAME });
      c.on("error", (error) => lost(c, error));
      c.on("end", () => lost(c));
      c.on("notification", (msg) => msg.channel === CHANNEL && onNotice(msg.payload));
      try {
        await c.connect();
        await c.query(`LISTEN ${CHANNEL}`);
        await c.query(`DELETE FROM "LiveValue" WHERE at < now() - interval '1 day'`);
      } catch (error) {
        console.error("[live] relay cannot reach the database; polling locally", error);
        downUntil = Date.now() + RETRY_AFTER_MS;
        await c.end().catch(() => {});
        return null;
      }
      client = c;
      return c;
    })().finally(() => (connecting = null));
    return connecting;
  }

  const notify = async (c: pg.Client, notice: NoticeBody) => {
    await c.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify({ o: origin, ...notice })]);
  };

  return {
    async acquire(key) {
      const c = await connection();
      if (!c) return null;
      if (held.has(key)) return true;
      const { rows } = await c.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS ok", [lockIdOf(key)]);
      if (rows[0]?.ok && client === c) held.add(key);
      return Boolean(rows[0]?.ok);
    },
    async release(key) {
      if (!held.delete(key) || !client) return;
      const c = client;
      await c.query("SELECT pg_advisory_unlock($1::bigint)", [lockIdOf(key)]);
      await notify(c, { t: "rel", k: rowKeyOf(key) });
    },
    async publish(key, event, changed) {
      const c = client;
      if (!c || !held.has(key)) return; // lost the lease with the connection: the hub polls for itself
      await c.query(
        `INSERT INTO "LiveValue" (key, event, at) VALUES ($1, $2::jsonb, now()) ON CONFLICT (key) DO UPDATE SET event = excluded.event, at = excluded.at`,
        [rowKeyOf(key), JSON.stringify(event)],
      );
      if (changed) await notify(c, { t: "pub", k: rowKeyOf(key) });
    },
    async latest(key) {
      const c = await connection();
      if (!c) return null;
      const { rows } = await c.query<{ event: RelayEvent }>(`SELECT event FROM "LiveValue" WHERE key = $1`, [rowKeyOf(key)]);
      return rows[0]?.event ?? null;
    },
    follow(key, handlers) {
      const k = rowKeyOf(key);
      const set = followers.get(k) ?? new Set();
      followers.set(k, set);
      set.add(handlers);
      void connection(); // LISTEN before the leader's next publish
      return () => {
        set.delete(handlers);
        if (set.size === 0 && followers.get(k) === set) followers.delete(k);
      };
    },
    async broadcastChange(prefix) {
      const c = await connection();
      if (c && prefix.length <= MAX_PREFIX) await notify(c, { t: "chg", p: prefix });
    },
    onChange(listener) {
      changeListeners.push(listener);
    },
    async instances() {
      const c = await connection();
      if (!c) return null;
      const { rows } = await c.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
        [APPLICATION_NAME],
      );
      return Math.max(1, rows[0]?.n ?? 1);
    },
    state() {
      return closed || (!client && Date.now() < downUntil) ? "down" : "up";
    },
    async close() {
      closed = true;
      const c = client;
      client = null;
      held.clear();
      await c?.end().catch(() => {});
    },
  };
}
