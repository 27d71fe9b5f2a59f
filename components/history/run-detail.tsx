"use client";

import { Link } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { RelativeTime, formatDuration } from "@/components/ui/time";
import type { RunView } from "@/lib/core/audit/run-view";
import type { PlanReview } from "@/lib/core/plans/review-types";
import type { Plan } from "@/lib/core/plans/types";
import { CleanupPanel } from "./cleanup-panel";
import { StepList } from "./step-list";
import { useRunStream } from "./use-run-stream";
import { plural } from "@/lib/core/format/plural";

const STREAM_LABEL = { live: "Live", reconnecting: "Reconnecting…", done: "Finished" } as const;

export function RunDetail(props: { initial: RunView; plan: Plan; cleanup: PlanReview | null; canOperate: boolean }) {
  const { run, stream } = useRunStream(props.initial);
  const done = run.steps.filter((s) => s.status === "succeeded").length;
  const total = run.steps.length;
  const elapsed = run.startedAt ? (run.finishedAt ? Date.parse(run.finishedAt) : Date.now()) - Date.parse(run.startedAt) : null;
  return (
    <div className="space-y-5">
      <Card>
        <CardHeader
          title={<span className="flex items-center gap-2">Status <StatusBadge status={run.status} data-testid="run-status" /></span>}
          description={`${done} of ${plural(total, "request")} done${elapsed !== null ? ` · ${formatDuration(elapsed)}` : ""}`}
          actions={<Badge tone={stream === "reconnecting" ? "yellow" : stream === "live" ? "green" : "neutral"}>{STREAM_LABEL[stream]}</Badge>}
        />
        <CardBody>
          <div className="mb-4 h-1.5 overflow-hidden rounded bg-line-subtle" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label="Progress">
            <div className="h-full bg-accent-600 transition-all" style={{ width: `${total ? (done / total) * 100 : 0}%` }} />
          </div>
          <dl className="grid grid-cols-2 gap-4 md:grid-cols-5">
            <div><dt className="text-xs text-ink-muted">Who</dt><dd title={run.userEmail ?? undefined}>{run.userName}</dd></div>
            <div><dt className="text-xs text-ink-muted">When</dt><dd><RelativeTime date={run.createdAt} /></dd></div>
            <div><dt className="text-xs text-ink-muted">Connection</dt><dd>{run.connectionName}</dd></div>
            <div><dt className="text-xs text-ink-muted">Region</dt><dd>{run.region}</dd></div>
            <div><dt className="text-xs text-ink-muted">Wizard</dt><dd>{run.wizard}</dd></div>
          </dl>
          {run.cleanupOfId && (
            <p className="mt-3 text-xs text-ink-muted">
              Cleans up after <Link className="text-accent-700 hover:underline" href={`/history/${run.cleanupOfId}`}>run {run.cleanupOfId}</Link>.
            </p>
          )}
        </CardBody>
      </Card>

      {run.status === "succeeded" && run.landing && !run.cleanupOfId && (
        <Alert tone="success" title="Done">
          Every request succeeded. <ButtonLink href={run.landing} size="sm" variant="secondary" className="ml-2">Open the resource</ButtonLink>
        </Alert>
      )}
      {(run.status === "failed" || run.status === "interrupted") && (
        <Alert tone="error" title={run.status === "failed" ? "The run stopped at a failed request" : "The run was interrupted"}>
          <p>{run.error}</p>
          {run.steps.find((s) => s.requestId && s.status === "failed")?.requestId && (
            <p className="mt-1 font-mono text-xs">Request id: {run.steps.find((s) => s.status === "failed")?.requestId}</p>
          )}
        </Alert>
      )}

      <StepList steps={run.steps} region={run.region} plan={props.plan} />

      {props.cleanup && <CleanupPanel runId={run.id} review={props.cleanup} created={run.steps.filter((s) => s.status === "succeeded")} canOperate={props.canOperate} />}
    </div>
  );
}
