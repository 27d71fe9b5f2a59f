import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/time";
import type { TimelineEntry } from "@/lib/ecs/deployments/timeline";

/**
 * The service's deployments as ECS keeps them (90 days, newest 20 here), whoever started them:
 * what changed, with which strategy, how it ended and why it rolled back.
 */
export function DeploymentTimeline({ entries }: { entries: TimelineEntry[] }) {
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
                </div>
                <div className="min-w-0 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={d.strategy === "ROLLING" ? "neutral" : "blue"}>{d.strategyLabel}</Badge>
                    {d.inProgress && d.stage && <span className="text-xs text-ink-muted">stage {d.stage.toLowerCase().replaceAll("_", " ")}</span>}
                    <span className="break-all font-mono text-xs text-ink-faint">{d.id}</span>
                  </div>
                  <ul className="space-y-0.5" aria-label="What changed">
                    {d.changes.map((c) => <li key={c} className="break-all font-mono text-xs">{c}</li>)}
                  </ul>
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
      </CardBody>
    </Card>
  );
}
