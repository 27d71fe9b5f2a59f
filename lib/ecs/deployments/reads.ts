import "server-only";
import { callAws } from "@/lib/core/aws/call";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { live, liveKey } from "@/lib/core/live/shared";
import { toTimeline, type RawDeployment, type RawRevision, type TimelineEntry, type TrafficSplit } from "./timeline";

/** ListServiceDeployments' page: the newest 20 (DescribeServiceDeployments takes 20 ARNs a call). */
const PAGE = 20;

const chunks = <T,>(list: T[], n: number) => Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, i * n + n));

/**
 * The service's newest deployments as ECS keeps them (ListServiceDeployments → DescribeServiceDeployments →
 * DescribeServiceRevisions), whoever started them: Portside, the console, the CLI, a pipeline.
 */
export async function readDeploymentTimeline(conn: ConnectionSettings, region: string, cluster: string, service: string): Promise<TimelineEntry[]> {
  const list = await callAws(conn, region, "ecs", "ListServiceDeployments", { cluster, service, maxResults: PAGE });
  const arns = ((list.output.serviceDeployments ?? []) as { serviceDeploymentArn?: string }[]).map((d) => d.serviceDeploymentArn ?? "").filter(Boolean);
  if (!arns.length) return [];
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
  const timeline = toTimeline(deployments, revisions);
  const shifting = timeline.find((t) => t.inProgress && t.productionRule);
  if (shifting?.productionRule) shifting.traffic = await readTrafficSplit(conn, region, shifting.productionRule);
  return timeline;
}

/** readDeploymentTimeline shared by every viewer of the service within ~2 s. */
export function getDeploymentTimelineShared(conn: ConnectionSettings, region: string, cluster: string, service: string): Promise<TimelineEntry[]> {
  return live.cache.get(liveKey(conn, region, "ecs", "service-deployments", cluster, service), 2000, () => readDeploymentTimeline(conn, region, cluster, service));
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
