import { CRASH_LOOP } from "./event-types";

/** What the live layer knows of one service (a subset of lib/ecs/services/live LiveServiceState). */
export type ServiceSeen = {
  connectionId: string;
  connectionName: string;
  region: string;
  cluster: string;
  service: string;
  desired: number;
  deployments: { id: string; status: string; taskDefinition: string; rolloutState: string; rolloutStateReason: string }[];
  tasks: { id: string; lastStatus: string; stoppedAt?: string; exitCode?: number; stoppedReason?: string }[];
  scaling: { min: number; max: number } | null;
  /** The service's event messages (newest first), as ECS keeps them: they outlive the deployments. */
  events: { id: string; at?: string; message: string }[];
};

/** An event found in a service's state, with the key that makes it one event whoever sees it. */
export type Candidate = {
  key: string;
  type: string;
  title: string;
  detail: Record<string, string | number | null>;
  connectionId: string;
  cluster: string;
};

const ROLLING_BACK = /rolling back to deployment(?:Id)? (\S+)/i;
/** ECS's event messages: "(service web) (deployment ecs-svc/1) deployment failed: …", "… rolling back to deployment …". */
const EVENT_FAILED = /\(deployment ([^)\s]+)\) deployment failed/i;
const EVENT_ROLLBACK = /\(deployment ([^)\s]+)\) rolling back/i;
/** Service events older than this are history, not news (a new subscription does not replay them). */
const EVENT_FRESH_MS = 30 * 60_000;

/**
 * Transitions worth telling people about, as keys that stay the same across polls and processes:
 * a deployment is failed or rolled back once (its id), a crash loop once per window, the scaling
 * limit once per (max, hour). Pure, so every case is unit-tested without AWS.
 */
export function detectServiceEvents(s: ServiceSeen, now: Date): Candidate[] {
  const where = `${s.connectionId}|${s.region}|${s.cluster}|${s.service}`;
  const base = { connection: s.connectionName, region: s.region, cluster: s.cluster, service: s.service };
  const out: Candidate[] = [];
  const push = (key: string, type: string, title: string, detail: Candidate["detail"]) =>
    out.push({ key: `${type}|${where}|${key}`, type, title, detail: { ...base, ...detail }, connectionId: s.connectionId, cluster: s.cluster });

  // Both keyed by the deployment that failed, whether seen in deployments[] (while the rollback runs)
  // or in the service's events (which outlive it): a sweep that comes late still tells, and only once.
  const seenKeys = new Set<string>();
  const once = (key: string, type: string, title: string, detail: Candidate["detail"]) => {
    if (seenKeys.has(`${type}|${key}`)) return;
    seenKeys.add(`${type}|${key}`);
    push(key, type, title, detail);
  };
  const rollback = s.deployments.find((d) => ROLLING_BACK.test(d.rolloutStateReason));
  for (const d of s.deployments) {
    if (d.rolloutState !== "FAILED") continue;
    once(d.id, "service.deployment.failed", `${s.service}: deployment failed`, { deployment: d.id, taskDefinition: d.taskDefinition, reason: d.rolloutStateReason });
    if (rollback) {
      once(d.id, "service.deployment.rolled_back", `${s.service}: rolled back to ${rollback.taskDefinition}`, {
        deployment: d.id, taskDefinition: rollback.taskDefinition, reason: rollback.rolloutStateReason,
      });
    }
  }
  for (const e of s.events) {
    if (!e.at || now.getTime() - new Date(e.at).getTime() > EVENT_FRESH_MS) continue;
    const failed = EVENT_FAILED.exec(e.message);
    if (failed) once(failed[1]!, "service.deployment.failed", `${s.service}: deployment failed`, { deployment: failed[1]!, reason: e.message });
    const back = EVENT_ROLLBACK.exec(e.message);
    if (back) {
      const to = /\(([^()]+:\d+)\)\.?$/.exec(e.message)?.[1];
      once(back[1]!, "service.deployment.rolled_back", `${s.service}: rolled back${to ? ` to ${to}` : ""}`, { deployment: back[1]!, taskDefinition: to ?? null, reason: e.message });
    }
  }

  const windowMs = CRASH_LOOP.minutes * 60_000;
  const crashed = s.tasks.filter((t) => t.lastStatus === "STOPPED" && t.exitCode !== undefined && t.exitCode !== 0 && t.stoppedAt
    && now.getTime() - new Date(t.stoppedAt).getTime() <= windowMs);
  if (crashed.length >= CRASH_LOOP.count) {
    const bucket = Math.floor(now.getTime() / windowMs);
    push(String(bucket), "service.tasks.crash_loop", `${s.service}: ${crashed.length} tasks exited non-zero in ${CRASH_LOOP.minutes} min`, {
      stoppedTasks: crashed.length, reason: crashed[0]!.stoppedReason ?? `exit code ${crashed[0]!.exitCode}`,
    });
  }

  if (s.scaling && s.scaling.max > 0 && s.desired >= s.scaling.max) {
    const hour = Math.floor(now.getTime() / 3_600_000);
    push(`${s.scaling.max}|${hour}`, "service.scaling.limit_reached", `${s.service}: at its scaling maximum (${s.scaling.max})`, { desired: s.desired, max: s.scaling.max });
  }
  return out;
}
