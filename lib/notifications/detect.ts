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

  for (const d of s.deployments) {
    if (d.rolloutState === "FAILED") {
      push(d.id, "service.deployment.failed", `${s.service}: deployment failed`, { deployment: d.id, taskDefinition: d.taskDefinition, reason: d.rolloutStateReason });
    }
    const back = ROLLING_BACK.exec(d.rolloutStateReason);
    if (back) {
      push(d.id, "service.deployment.rolled_back", `${s.service}: rolled back to ${d.taskDefinition}`, {
        deployment: d.id, taskDefinition: d.taskDefinition, reason: d.rolloutStateReason,
      });
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
