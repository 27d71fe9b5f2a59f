import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { RelativeTime } from "@/components/ui/time";
import type { ServiceTarget } from "@/components/ecs/services/actions/plan-action-form";
import type { TimelineEntry } from "@/lib/ecs/deployments/timeline";
import { RollbackToRevision } from "./rollback-to-revision";

export type TimelineRow = TimelineEntry & { who: { user: string; runId: string } | null };

/** The task definition the service runs now, from the newest deployment (what "Roll back to this revision" would not change). */
function runningNow(entries: TimelineEntry[]): string | undefined {
  const newest = entries[0];
  if (!newest) return undefined;
  if (newest.status.startsWith("ROLLBACK")) return newest.rollback?.toTaskDefinition ?? newest.sources[0]?.taskDefinition;
  return newest.target.taskDefinition;
}

function Who({ who }: { who: TimelineRow["who"] }) {
  return who ? (
    <div className="text-xs" data-testid="deployment-who">by <Link href={`/history/${who.runId}`} className="text-accent-700 hover:underline">{who.user}</Link></div>
  ) : (
    <div className="text-xs text-ink-muted" data-testid="deployment-who">outside Portside</div>
  );
}

/**
 * The service's deployments as ECS keeps them (90 days; newest 20, "Load older" for more),
 * whoever started them — joined with Portside's runs for who — with what changed (task
 * definitions compared beyond the image), strategy, outcome and why it rolled back.
 */
export function DeploymentTimeline({ entries, target, canOperate, olderHref }: { entries: TimelineRow[]; target: ServiceTarget; canOperate: boolean; olderHref?: string }) {
  const current = runningNow(entries);
  const busy = entries.some((e) => e.inProgress);
  return (
    <Card>
      <CardHeader title="Deployments" description="From ECS (ListServiceDeployments): every deployment of this service, from Portside, the console, the CLI or a pipeline." />
      <CardBody className="p-0">
        {entries.length === 0 ? (
          <EmptyState className="m-4" title="ECS reports no deployment of this service" description="Deploy a new image or force a new deployment from the header; each one appears here with what it changed and how it ended." />
        ) : (
          <ol aria-label="Deployment timeline" className="divide-y divide-line-subtle">
            {entries.map((d) => (
              <li key={d.arn} className="grid gap-2 px-4 py-3 text-sm md:grid-cols-[minmax(0,12rem)_minmax(0,1fr)]" data-testid="service-deployment" data-status={d.status}>
                <div className="space-y-1">
                  <StatusBadge status={d.status} data-testid="service-deployment-status" />
                  <div className="text-xs text-ink-muted">{d.createdAt ? <RelativeTime date={d.createdAt} /> : "—"}</div>
                  {d.finishedAt && <div className="text-xs text-ink-muted">finished <RelativeTime date={d.finishedAt} /></div>}
                  <Who who={d.who} />
                </div>
                <div className="min-w-0 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={d.strategy === "ROLLING" ? "neutral" : "blue"}>{d.strategyLabel}</Badge>
                    {d.inProgress && d.stage && <span className="text-xs text-ink-muted">stage {d.stage.toLowerCase().replaceAll("_", " ")}</span>}
                    <span className="break-all font-mono text-xs text-ink-faint">{d.id}</span>
                    {canOperate && !busy && d.status === "SUCCESSFUL" && d.target.taskDefinition && d.target.taskDefinition !== current && (
                      <span className="ml-auto"><RollbackToRevision target={target} deploymentArn={d.arn} revision={d.target.taskDefinition} strategy={d.strategyLabel.toLowerCase()} /></span>
                    )}
                  </div>
                  <ul className="space-y-0.5" aria-label="What changed">
                    {d.changes.map((c) => <li key={c} className="break-all font-mono text-xs">{c}</li>)}
                    {d.diff?.map((c) => <li key={c} className="break-all font-mono text-xs text-ink-muted" data-testid="deployment-diff">{c}</li>)}
                  </ul>
                  {d.alarms && (
                    <p className="text-xs text-ink-muted">Alarms watched: {d.alarms.names.join(", ")}{d.alarms.triggered.length ? ` · triggered: ${d.alarms.triggered.join(", ")}` : ""}</p>
                  )}
                  {d.rollback && (
                    <p className="text-xs text-red-700" data-testid="rollback-reason">
                      Rolled back{d.rollback.toTaskDefinition ? ` to ${d.rollback.toTaskDefinition}` : ""}: {d.rollback.reason}
                    </p>
                  )}
                  {!d.rollback && d.statusReason && <p className="text-xs text-ink-muted">{d.statusReason}</p>}
                </div>
              </li>
            ))}
          </ol>
        )}
        {olderHref && (
          <div className="border-t border-line-subtle px-4 py-3">
            <Link href={olderHref} className="text-sm font-medium text-accent-700 hover:underline">Load older deployments</Link>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
