import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { DeploymentTimeline, type TimelineRow } from "@/components/ecs/deployments/deployment-timeline";
import { LiveDeployment } from "@/components/ecs/deployments/live-deployment";
import { HistoryTable } from "@/components/history/history-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listRuns, toHistoryRow } from "@/lib/core/audit/runs";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { MAX_TIMELINE_PAGES, getDeploymentTimelineShared } from "@/lib/ecs/deployments/reads";
import { startsDeployment, taskDefinitionsOf, whoStarted, type RunRef } from "@/lib/ecs/deployments/who";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string; service: string }>; searchParams: Promise<{ pages?: string | string[] }> };

/** ?pages=N: how many pages of 20 deployments "Load older" has opened (1 to MAX_TIMELINE_PAGES; anything else is 1). */
function pagesOf(raw: string | string[] | undefined): number {
  const n = typeof raw === "string" && /^\d{1,2}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(n, 1), MAX_TIMELINE_PAGES);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return segmentTitle((name) => `History of ${name}`, (await params).service);
}

/**
 * The service's deployments as ECS keeps them (the one in progress live, with Roll back now), then
 * every run of Portside that touched it in this account and region, newest first.
 */
export default async function ServiceHistoryPage({ params, searchParams }: Props) {
  const user = await requirePageUser("viewer");
  const p = await params;
  const cluster = pageSegment(p.name);
  const name = pageSegment(p.service);
  const working = await loadWorkingConnection();
  if (!working) return null; // the layout explains
  const { context, conn } = working;
  const pages = pagesOf((await searchParams).pages);
  const timeline = await attempt(() => getDeploymentTimelineShared(conn, context.region, cluster, name, pages));
  const current = timeline.data?.entries.find((d) => d.inProgress);
  const target = { connectionId: context.connectionId, region: context.region, cluster, service: name };
  const resource = `ecs:service/${cluster}/${name}`;
  // The history's filter matches part of a key ("api" also finds "api-2"); this tab wants this service
  // only, and only where it lives: the same name in another account or region is another service.
  const runs = (await listRuns({ resource })).filter(
    (r) => r.resources.includes(resource) && r.connectionId === context.connectionId && r.region === context.region,
  );
  const refs: RunRef[] = runs.map((r) => ({ id: r.id, user: r.user.name, title: r.title, createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString(), taskDefinitions: taskDefinitionsOf(r.plan), startsDeployment: startsDeployment(r.plan) }));
  const rows: TimelineRow[] = (timeline.data?.entries ?? []).map((e) => {
    const run = whoStarted({ createdAt: e.createdAt, taskDefinitionArn: e.target.taskDefinitionArn }, refs);
    return { ...e, who: run ? { user: run.user, runId: run.id } : null };
  });
  const path = `/ecs/clusters/${encodeURIComponent(cluster)}/services/${encodeURIComponent(name)}/history`;
  return (
    <div className="space-y-5">
      {timeline.error !== undefined && <AwsErrorAlert error={timeline.error} />}
      {current && <LiveDeployment entry={current} target={target} canOperate={roleAllows(user.role, "operator")} />}
      {timeline.data && (
        <DeploymentTimeline entries={rows} target={target} canOperate={roleAllows(user.role, "operator")}
          olderHref={timeline.data.hasOlder && pages < MAX_TIMELINE_PAGES ? `${path}?pages=${pages + 1}` : undefined} />
      )}
      <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-ink-muted">Changes Portside made to this service, newest first, each with every AWS request it made. Deployments made elsewhere (console, CLI) are in the timeline above.</p>
        <ButtonLink variant="secondary" href={`/history?resource=${encodeURIComponent(resource)}`}>Open in History</ButtonLink>
      </div>
      {runs.length === 0 ? (
        <EmptyState
          title="Portside has not changed this service"
          description="Runs that create, scale, deploy or delete it land here, each with every AWS request it made."
        />
      ) : (
        <HistoryTable
          filtered
          runs={runs.map(toHistoryRow)}
        />
      )}
      </div>
    </div>
  );
}
