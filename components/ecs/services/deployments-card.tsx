import { Link } from "@/components/ui/link";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/time";
import type { LiveDeployment, LiveServiceState } from "@/lib/ecs/services/live";
import { revisionHref } from "./detail-item";

function Progress({ d }: { d: LiveDeployment }) {
  const pct = d.desired > 0 ? Math.min(100, Math.round((d.running / d.desired) * 100)) : d.running > 0 ? 100 : 0;
  return (
    <div className="min-w-44">
      <div className="flex justify-between text-xs">
        <span className="tabular-nums" data-testid="deployment-progress">{d.running} / {d.desired} running</span>
        <span className="text-ink-muted tabular-nums">
          {d.pending} pending{d.failed > 0 && <span className="ml-1 font-medium text-red-700"> · {d.failed} failed</span>}
        </span>
      </div>
      <div className="mt-1 h-1.5 overflow-hidden rounded bg-line-subtle" aria-hidden>
        <div className={d.rolloutState === "FAILED" ? "h-full bg-red-500" : "h-full bg-emerald-500"} style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

const circuitBreaker = (c: LiveServiceState["config"]) =>
  c.circuitBreaker === undefined ? "circuit breaker not reported" : c.circuitBreaker ? (c.rollback ? "circuit breaker on, with rollback" : "circuit breaker on, no rollback") : "circuit breaker off";

/** The service's deployments: the PRIMARY one rolling out and the ACTIVE ones it replaces. */
export function DeploymentsCard({ state, strategy, timelineHref }: { state: LiveServiceState; strategy: string; timelineHref?: string }) {
  return (
    <Card>
      <CardHeader title="Deployments" description={`${strategy}, ${circuitBreaker(state.config)}`}
        actions={timelineHref && <Link href={timelineHref} className="text-xs font-medium text-accent-700 hover:underline">Timeline and traffic split</Link>} />
      <CardBody className="space-y-0 divide-y divide-line-subtle p-0">
        {state.deployments.length === 0 && <p className="px-4 py-3 text-sm text-ink-muted">No deployment reported.</p>}
        {state.deployments.map((d) => {
          const href = revisionHref(d.taskDefinition);
          return (
            <div key={d.id} className="grid gap-3 px-4 py-3 text-sm md:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_minmax(11rem,1fr)]" data-testid="deployment" data-status={d.status}>
              <div className="min-w-0 space-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={d.status === "PRIMARY" ? "blue" : "neutral"}>{d.status}</Badge>
                  {d.rolloutState && <StatusBadge status={d.rolloutState} data-testid="rollout-state" />}
                  <span className="break-all font-mono text-xs text-ink-muted">{d.id}</span>
                </div>
                {d.rolloutStateReason && <p className="text-xs text-ink-muted" data-testid="rollout-reason">{d.rolloutStateReason}</p>}
              </div>
              <div className="text-xs">
                <div>
                  Task definition{" "}
                  {href ? <Link href={href} className="font-mono text-accent-700 hover:underline">{d.taskDefinition}</Link> : <span className="font-mono">{d.taskDefinition || "—"}</span>}
                </div>
                <div className="mt-1 text-ink-muted">
                  Created {d.createdAt ? <RelativeTime date={d.createdAt} /> : "—"} · updated {d.updatedAt ? <RelativeTime date={d.updatedAt} /> : "—"}
                </div>
              </div>
              <Progress d={d} />
            </div>
          );
        })}
      </CardBody>
    </Card>
  );
}
