import "server-only";
import { callAws } from "@/lib/core/aws/call";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { live, liveKey } from "@/lib/core/live/shared";
import { taskDefinitionDiff, type DiffTaskDefinition } from "./diff";
import { toTimeline, type RawDeployment, type RawRevision, type TimelineEntry, type TrafficSplit } from "./timeline";
import { bakeEndsAt } from "./traffic-history";
import { observeTraffic } from "./traffic-store";

/** ListServiceDeployments' page: 20 (DescribeServiceDeployments takes 20 ARNs a call). */
const PAGE = 20;
/** "Load older" goes back at most this many pages (200 deployments). */
export const MAX_TIMELINE_PAGES = 10;
const TASK_DEFINITION_TTL_MS = 10 * 60_000;

const chunks = <T,>(list: T[], n: number) => Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, i * n + n));

export type Timeline = { entries: TimelineEntry[]; hasOlder: boolean };

/**
 * The service's newest `pages` × 20 deployments as ECS keeps them (ListServiceDeployments, paged
 * with nextToken → DescribeServiceDeployments → DescribeServiceRevisions), whoever started them:
 * Portside, the console, the CLI, a pipeline. Each with the task definitions' diff; the one in
 * progress with its traffic split, the split's steps so far, its bake timer and watched alarms.
 */
export async function readDeploymentTimeline(conn: ConnectionSettings, region: string, cluster: string, service: string, pages = 1): Promise<Timeline> {
  const arns: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < Math.min(Math.max(1, pages), MAX_TIMELINE_PAGES); page++) {
    const list = await callAws(conn, region, "ecs", "ListServiceDeployments", { cluster, service, maxResults: PAGE, ...(token ? { nextToken: token } : {}) });
    arns.push(...((list.output.serviceDeployments ?? []) as { serviceDeploymentArn?: string }[]).map((d) => d.serviceDeploymentArn ?? "").filter(Boolean));
    token = list.output.nextToken as string | undefined;
    if (!token) break;
  }
  if (!arns.length) return { entries: [], hasOlder: false };
  const deployments: RawDeployment[] = [];
  for (const part of chunks(arns, 20)) {
    const out = await callAws(conn, region, "ecs", "DescribeServiceDeployments", { serviceDeploymentArns: part });
    deployments.push(...((out.output.serviceDeployments ?? []) as RawDeployment[]));
  }
  const revisionArns = [...new Set(deployments.flatMap((d) => [d.targetServiceRevision?.arn, ...(d.sourceServiceRevisions ?? []).map((s) => s.arn)]).filter((a): a is string => Boolean(a)))];
  const revisions: RawRevision[] = [];
  for (const part of chunks(revisionArns, 20)) {
    const out = await callAws(conn, region, "ecs", "DescribeServiceRevisions", { serviceRevisionArns: part });
    revisions.push(...((out.output.serviceRevisions ?? []) as RawRevision[]));
  }
  const entries = toTimeline(deployments, revisions);
  // The live parts first-hand and the diffs (task definitions, cached for minutes) side by side: a live view is only as fresh as its slowest read.
  await Promise.all([addDiffs(conn, region, entries), addLive(conn, region, entries.find((t) => t.inProgress))]);
  return { entries, hasOlder: Boolean(token) };
}

/** The deployment in progress: its traffic split now, the split's steps seen so far, the bake timer and its alarms' states. */
async function addLive(conn: ConnectionSettings, region: string, current: TimelineEntry | undefined) {
  if (!current) return;
  const [traffic, states] = await Promise.all([
    current.productionRule ? readTrafficSplit(conn, region, current.productionRule) : undefined,
    current.alarms?.names.length ? readAlarmStates(conn, region, current.alarms.names) : undefined,
  ]);
  if (states && current.alarms) current.alarms.states = states;
  if (!traffic) return;
  current.traffic = traffic;
  // Green's share as ECS reports it (requestedProductionTrafficWeight), recorded when it or the stage changes.
  // Kept in Postgres: a restart or another instance shows the same steps. A database hiccup costs the history, not the view.
  current.trafficHistory = await observeTraffic(current.arn, current.target.weight ?? 0, current.stage ?? "").catch(() => []);
  const ends = bakeEndsAt(current.trafficHistory, current.deploymentConfiguration.bakeTimeInMinutes as number | undefined);
  if (ends) current.bakeEndsAt = ends;
}

/** readDeploymentTimeline shared by every viewer of the service within ~2 s. */
export function getDeploymentTimelineShared(conn: ConnectionSettings, region: string, cluster: string, service: string, pages = 1): Promise<Timeline> {
  return live.cache.get(liveKey(conn, region, "ecs", "service-deployments", cluster, service, String(pages)), 2000, () => readDeploymentTimeline(conn, region, cluster, service, pages));
}

/** A task definition never changes once registered: shared for minutes. */
function readTaskDefinitionShared(conn: ConnectionSettings, region: string, arn: string): Promise<DiffTaskDefinition | null> {
  return live.cache.get(liveKey(conn, region, "ecs", "task-definition", arn), TASK_DEFINITION_TTL_MS, async () => {
    const out = await callAws(conn, region, "ecs", "DescribeTaskDefinition", { taskDefinition: arn });
    return (out.output.taskDefinition as DiffTaskDefinition | undefined) ?? null;
  });
}

/** Each deployment's diff of its source and target task definitions (five reads at a time; unreadable ones are skipped). */
async function addDiffs(conn: ConnectionSettings, region: string, entries: TimelineEntry[]) {
  const pairs = entries.filter((e) => e.sources[0]?.taskDefinitionArn && e.target.taskDefinitionArn && e.sources[0].taskDefinitionArn !== e.target.taskDefinitionArn);
  const arns = [...new Set(pairs.flatMap((e) => [e.sources[0]!.taskDefinitionArn, e.target.taskDefinitionArn]))];
  const defs = new Map<string, DiffTaskDefinition | null>();
  for (const part of chunks(arns, 5)) {
    await Promise.all(part.map(async (arn) => defs.set(arn, await readTaskDefinitionShared(conn, region, arn).catch(() => null))));
  }
  for (const e of pairs) {
    const from = defs.get(e.sources[0]!.taskDefinitionArn);
    const to = defs.get(e.target.taskDefinitionArn);
    if (from && to) e.diff = taskDefinitionDiff(from, to);
  }
}

/** The watched alarms' state now (DescribeAlarms by name). */
async function readAlarmStates(conn: ConnectionSettings, region: string, names: string[]): Promise<Record<string, string>> {
  const out = await callAws(conn, region, "cloudwatch", "DescribeAlarms", { AlarmNames: names.slice(0, 100) });
  const all = [...((out.output.MetricAlarms ?? []) as { AlarmName?: string; StateValue?: string }[]), ...((out.output.CompositeAlarms ?? []) as { AlarmName?: string; StateValue?: string }[])];
  return Object.fromEntries(all.map((a) => [a.AlarmName ?? "", a.StateValue ?? "INSUFFICIENT_DATA"]));
}

/** The production listener rule's forward weights now, as percentages per target group. */
export async function readTrafficSplit(conn: ConnectionSettings, region: string, ruleArn: string): Promise<TrafficSplit> {
  const out = await callAws(conn, region, "elbv2", "DescribeRules", { RuleArns: [ruleArn] });
  const rule = (out.output.Rules as { Actions?: { Type?: string; TargetGroupArn?: string; ForwardConfig?: { TargetGroups?: { TargetGroupArn?: string; Weight?: number }[] } }[] }[] | undefined)?.[0];
  const forward = rule?.Actions?.find((a) => a.Type === "forward");
  const groups = forward?.ForwardConfig?.TargetGroups?.length
    ? forward.ForwardConfig.TargetGroups.map((g) => ({ targetGroupArn: g.TargetGroupArn ?? "", weight: g.Weight ?? 1 }))
    : forward?.TargetGroupArn ? [{ targetGroupArn: forward.TargetGroupArn, weight: 1 }] : [];
  const total = groups.reduce((n, g) => n + g.weight, 0);
  return { ruleArn, groups: groups.map((g) => ({ targetGroupArn: g.targetGroupArn, name: g.targetGroupArn.split("/")[1] ?? g.targetGroupArn, percent: total ? Math.round((g.weight / total) * 1000) / 10 : 0 })) };
}

/** One service deployment, fresh (what a rollback is checked against). */
export async function readServiceDeployment(conn: ConnectionSettings, region: string, arn: string): Promise<RawDeployment | null> {
  const out = await callAws(conn, region, "ecs", "DescribeServiceDeployments", { serviceDeploymentArns: [arn] });
  return ((out.output.serviceDeployments ?? []) as RawDeployment[])[0] ?? null;
}

/** One service revision, fresh. */
export async function readServiceRevision(conn: ConnectionSettings, region: string, arn: string): Promise<RawRevision | null> {
  const out = await callAws(conn, region, "ecs", "DescribeServiceRevisions", { serviceRevisionArns: [arn] });
  return ((out.output.serviceRevisions ?? []) as RawRevision[])[0] ?? null;
}

export type ServiceNow = { taskDefinition: string; deploymentConfiguration: Record<string, unknown>; inProgress: boolean; hasAdvancedConfiguration: boolean };

/** What the service runs now (DescribeServices), fresh: what a rollback to a revision replaces. Null: no such service. */
export async function readServiceNow(conn: ConnectionSettings, region: string, cluster: string, service: string): Promise<ServiceNow | null> {
  const { output } = await callAws(conn, region, "ecs", "DescribeServices", { cluster, services: [service] });
  const s = (output.services as Record<string, unknown>[] | undefined)?.[0] as
    | { status?: string; taskDefinition?: string; deploymentConfiguration?: Record<string, unknown>; deployments?: { rolloutState?: string }[]; loadBalancers?: { advancedConfiguration?: unknown }[] }
    | undefined;
  if (!s || s.status === "INACTIVE") return null;
  return {
    taskDefinition: s.taskDefinition ?? "",
    deploymentConfiguration: s.deploymentConfiguration ?? {},
    inProgress: (s.deployments ?? []).some((d) => d.rolloutState === "IN_PROGRESS"),
    hasAdvancedConfiguration: (s.loadBalancers ?? []).some((l) => Boolean(l.advancedConfiguration)),
  };
}
