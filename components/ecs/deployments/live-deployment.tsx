import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/time";
import type { RevisionView, TimelineEntry } from "@/lib/ecs/deployments/timeline";
import type { ServiceTarget } from "@/components/ecs/services/actions/plan-action-form";
import { AutoRefresh } from "./auto-refresh";
import { ContinueDeployment } from "./continue-deployment";
import { RollbackNow } from "./rollback-now";

function RevisionCard({ label, tone, revision, testId }: { label: string; tone: "blue" | "green"; revision: RevisionView; testId: string }) {
  return (
    <div className="min-w-0 rounded-md border border-line p-3" data-testid={testId}>
      <div className="flex items-center justify-between gap-2">
        <Badge tone={tone === "blue" ? "blue" : "green"}>{label}</Badge>
        {revision.weight != null && <span className="text-xs tabular-nums">{revision.weight} % of production traffic</span>}
      </div>
      <p className="mt-2 font-mono text-sm">{revision.taskDefinition || "—"}</p>
      {revision.images.map((i) => <p key={i.container} className="break-all font-mono text-xs text-ink-muted">{i.container}: {i.image}</p>)}
      <p className="mt-1 text-xs tabular-nums" data-testid={`${testId}-tasks`}>{revision.running} / {revision.requested} running{revision.pending ? ` · ${revision.pending} pending` : ""}</p>
    </div>
  );
}

const alarmTone = (state?: string) => (state === "ALARM" ? "red" : state === "OK" ? "green" : "neutral");

/** The bake timer, the alarms ECS watches (with their state now) and the split's steps as Portside saw them. */
function LiveDetails({ entry }: { entry: TimelineEntry }) {
  const history = entry.trafficHistory ?? [];
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <div className="space-y-2 text-sm">
        {entry.awaiting && (
          <p data-testid="paused-hook" className="font-medium">
            Paused by a pause hook at {entry.stage?.toLowerCase().replaceAll("_", " ")}
            {entry.awaiting.expiresAt ? <> · {entry.awaiting.timeoutAction === "CONTINUE" ? "continues" : "rolls back"} by itself <RelativeTime date={entry.awaiting.expiresAt} /></> : null}
          </p>
        )}
        {entry.stage === "BAKE_TIME" && (
          <p data-testid="bake-timer">
            Baking: all traffic on green, blue kept for {String(entry.deploymentConfiguration.bakeTimeInMinutes ?? 0)} min (ECS has no call to end a bake early; Roll back now still works)
            {entry.bakeEndsAt ? <> · ends <RelativeTime date={entry.bakeEndsAt} /></> : " (start not seen by Portside)"}
          </p>
        )}
        {entry.alarms ? (
          <div>
            <p className="text-xs font-medium">Alarms watched{entry.alarms.status === "TRIGGERED" ? " (triggered)" : ""}</p>
            <ul aria-label="Alarms watched" className="mt-1 flex flex-wrap gap-2">
              {entry.alarms.names.map((n) => (
                <li key={n} data-testid="watched-alarm" className="flex items-center gap-1 text-xs">
                  <span className="break-all font-mono">{n}</span>
                  <Badge tone={alarmTone(entry.alarms?.states?.[n])}>{(entry.alarms?.states?.[n] ?? "unknown").toLowerCase().replaceAll("_", " ")}</Badge>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="text-xs text-ink-muted">No CloudWatch alarm watched: add some in Deployment settings to roll back when one fires.</p>
        )}
      </div>
      {history.length > 0 && (
        <div>
          <p className="text-xs font-medium">Traffic steps so far (as Portside saw them)</p>
          <ol aria-label="Traffic history" className="mt-1 space-y-0.5 text-xs tabular-nums">
            {history.map((p) => (
              <li key={p.at} data-testid="traffic-step">
                <RelativeTime date={p.at} /> · green {p.green} % · {p.stage.toLowerCase().replaceAll("_", " ") || "—"}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}

/**
 * The deployment in progress, live: blue (what served before) and green (the new revision) side by
 * side with their tasks, the production listener rule's split now, the lifecycle stage, and
 * "Roll back now". The page renders again every 2 s while it lasts.
 */
export function LiveDeployment({ entry, target, canOperate }: { entry: TimelineEntry; target: ServiceTarget; canOperate: boolean }) {
  const blue = entry.sources[0];
  const split = entry.traffic?.groups ?? [];
  return (
    <Card data-testid="live-deployment">
      <AutoRefresh />
      <CardHeader
        title="Deployment in progress"
        description={<>{entry.strategyLabel} · started {entry.createdAt ? <RelativeTime date={entry.createdAt} /> : "—"}</>}
        actions={canOperate && entry.status === "IN_PROGRESS" && (
          <div className="flex flex-wrap gap-2">
            {entry.awaiting && <ContinueDeployment target={target} deploymentArn={entry.arn} hookId={entry.awaiting.hookId} stage={entry.stage ?? ""} />}
            <RollbackNow target={target} deploymentArn={entry.arn} from={entry.target.taskDefinition} to={blue?.taskDefinition ?? "the previous revision"} />
          </div>
        )}
      />
      <CardBody className="space-y-3">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <StatusBadge status={entry.status} />
          {entry.stage && <span data-testid="lifecycle-stage">Stage: {entry.stage.toLowerCase().replaceAll("_", " ")}</span>}
        </div>
        {split.length > 0 && (
          <div>
            <p className="text-xs font-medium">Production traffic now (listener rule weights)</p>
            <div className="mt-1 flex h-3 overflow-hidden rounded bg-line-subtle" aria-hidden>
              {split.map((g, i) => <div key={g.targetGroupArn} className={i === 0 ? "bg-accent-600" : "bg-emerald-500"} style={{ width: `${g.percent}%` }} />)}
            </div>
            <ul aria-label="Traffic split" className="mt-1 flex flex-wrap gap-x-4 text-xs tabular-nums">
              {split.map((g) => <li key={g.targetGroupArn} data-testid="traffic-share">{g.name}: {g.percent} %</li>)}
            </ul>
          </div>
        )}
        <LiveDetails entry={entry} />
        <div className="grid gap-3 md:grid-cols-2">
          {blue && <RevisionCard label="Blue (serving before)" tone="blue" revision={blue} testId="blue-revision" />}
          <RevisionCard label="Green (new)" tone="green" revision={entry.target} testId="green-revision" />
        </div>
      </CardBody>
    </Card>
  );
}
