import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { DeploymentTimeline } from "@/components/ecs/deployments/deployment-timeline";
import { LiveDeployment } from "@/components/ecs/deployments/live-deployment";
import { HistoryTable } from "@/components/history/history-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listRuns, toHistoryRow } from "@/lib/core/audit/runs";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { getDeploymentTimelineShared } from "@/lib/ecs/deployments/reads";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string; service: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return segmentTitle((name) => `History of ${name}`, (await params).service);
}

/**
 * The service's deployments as ECS keeps them (the one in progress live, with Roll back now), then
 * every run of Portside that touched it in this account and region, newest first.
 */
export default async function ServiceHistoryPage({ params }: Props) {
  const user = await requirePageUser("viewer");
  const p = await params;
  const cluster = pageSegment(p.name);
  const name = pageSegment(p.service);
  const working = await loadWorkingConnection();
  if (!working) return null; // the layout explains
  const { context, conn } = working;
  const timeline = await attempt(() => getDeploymentTimelineShared(conn, context.region, cluster, name));
  const current = timeline.data?.find((d) => d.inProgress);
  const target = { connectionId: context.connectionId, region: context.region, cluster, service: name };
  const resource = `ecs:service/${cluster}/${name}`;
  // The history's filter matches part of a key ("api" also finds "api-2"); this tab wants this service
  // only, and only where it lives: the same name in another account or region is another service.
  const runs = (await listRuns({ resource })).filter(
    (r) => r.resources.includes(resource) && r.connectionId === context.connectionId && r.region === context.region,
  );
  return (
    <div className="space-y-5">
      {timeline.error !== undefined && <AwsErrorAlert error={timeline.error} />}
      {current && <LiveDeployment entry={current} target={target} canOperate={roleAllows(user.role, "operator")} />}
      {timeline.data && <DeploymentTimeline entries={timeline.data} />}
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
