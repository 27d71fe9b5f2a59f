import "server-only";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { AwsOperationError, isDomainError, NotFoundError } from "@/lib/core/errors";
import { live } from "@/lib/core/live/shared";
import type { WatchEvent } from "@/lib/core/live/hub";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import type { PushedImage } from "./detect";
import { actOnImages, followRuns, repositoryUri } from "./deploy";
import { newestImages, repositoryWatchKey } from "./reads";
import { activeRules, activeRulesOfRepository, pauseRule } from "./store";

/**
 * The deploy-on-push poller. Every active rule's repository gets one watcher in the live hub
 * (lib/core/live), keyed by (connection, region, repository): ten rules on one repository cost
 * one DescribeImages per interval, and the hub's backoff slows it when AWS throttles. The hub
 * tells the listener only when the images changed, so a quiet repository costs one read per
 * interval and no database work. A reconcile on the same interval starts and stops watchers as
 * rules come, pause and go, and records how the runs rules started ended.
 */
export const DEFAULT_INTERVAL_MS = 30_000;

/** PORTSIDE_DEPLOY_ON_PUSH_INTERVAL_MS sets the poll interval (tests use a second); bounded 200 ms – 1 h. */
export function pollInterval(): number {
  const configured = Number(process.env.PORTSIDE_DEPLOY_ON_PUSH_INTERVAL_MS);
  return Number.isFinite(configured) && configured > 0 ? Math.min(3_600_000, Math.max(200, configured)) : DEFAULT_INTERVAL_MS;
}

// `version`: the connection as the watcher read it; an edited connection gets a new watcher.
type Watch = { version: number; unsubscribe: () => void; chain: Promise<void> };
type State = { timer: ReturnType<typeof setInterval> | null; watches: Map<string, Watch>; reconciling: Promise<void> | null };

const g = globalThis as typeof globalThis & { __portsideDeployOnPush?: State };
const state = (g.__portsideDeployOnPush ??= { timer: null, watches: new Map(), reconciling: null });

const groupOf = (r: { connectionId: string; region: string; repository: string }) => JSON.stringify([r.connectionId, r.region, r.repository]);

async function pauseRepository(connectionId: string, region: string, repository: string, reason: string) {
  for (const rule of await activeRulesOfRepository(connectionId, region, repository)) await pauseRule(rule.id, reason);
}

function onImages(conn: ConnectionSettings, region: string, repository: string, uri: string, watch: Watch) {
  return (event: WatchEvent<PushedImage[]>) => {
    // One evaluation at a time per repository in this process; other processes are kept out by the claims.
    watch.chain = watch.chain.then(async () => {
      if (event.type === "error") {
        if (event.error instanceof AwsOperationError && event.error.details.code === "RepositoryNotFoundException") {
          await pauseRepository(conn.id, region, repository, `Repository ${repository} no longer exists.`);
        } else console.error(`[deploy-on-push] reading ${repository} failed`, event.error);
        return;
      }
      const rules = await activeRulesOfRepository(conn.id, region, repository);
      // On an instance that follows another's poller (lib/core/live/pg-relay.ts) values arrive as
      // JSON: push times are strings there.
      const images = event.value.map((i) => ({ ...i, pushedAt: new Date(i.pushedAt) }));
      await actOnImages(conn, rules, images, (tag) => `${uri}:${tag}`);
    }).catch((error) => console.error(`[deploy-on-push] acting on ${repository} failed`, error));
  };
}

async function watch(key: string, conn: ConnectionSettings, region: string, repository: string, intervalMs: number) {
  let uri: string;
  try {
    uri = await repositoryUri(conn, region, repository);
  } catch (error) {
    if (error instanceof NotFoundError) return pauseRepository(conn.id, region, repository, `${error.message} no longer exists.`);
    throw error;
  }
  const w: Watch = { version: conn.updatedAt.getTime(), unsubscribe: () => {}, chain: Promise.resolve() };
  w.unsubscribe = live.hub.subscribe(repositoryWatchKey(conn, region, repository), { intervalMs, poll: () => newestImages(conn, region, repository, intervalMs / 2) }, onImages(conn, region, repository, uri, w));
  state.watches.set(key, w);
}

async function reconcileOnce() {
  const intervalMs = pollInterval();
  const rules = await activeRules();
  const wanted = new Map(rules.map((r) => [groupOf(r), r]));
  for (const [key, w] of state.watches) {
    if (wanted.has(key)) continue;
    w.unsubscribe();
    state.watches.delete(key);
  }
  for (const [key, rule] of wanted) {
    try {
      const conn = await getConnectionSettings(rule.connectionId).catch((error) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      });
      if (!conn) {
        await pauseRepository(rule.connectionId, rule.region, rule.repository, "The connection no longer exists.");
        continue;
      }
      const current = state.watches.get(key);
      if (current?.version === conn.updatedAt.getTime()) continue;
      current?.unsubscribe();
      state.watches.delete(key);
      await watch(key, conn, rule.region, rule.repository, intervalMs);
    } catch (error) {
      console.error(`[deploy-on-push] cannot watch ${rule.repository}`, isDomainError(error) ? error.message : error);
    }
  }
  await followRuns();
}

/** Starts and stops watchers to match the active rules now (also after a rule changes). */
export function reconcileDeployOnPush(): Promise<void> {
  state.reconciling ??= reconcileOnce()
    .catch((error) => console.error("[deploy-on-push] reconcile failed", error))
    .finally(() => {
      state.reconciling = null;
    });
  return state.reconciling;
}

/** Started once per server process (instrumentation.ts). */
export function startDeployOnPush(): void {
  if (state.timer) return;
  state.timer = setInterval(() => void reconcileDeployOnPush(), pollInterval());
  void reconcileDeployOnPush();
}
