"use client";

import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { AlarmView, PolicyView, ScheduledActionView } from "@/lib/ecs/scaling/reads";
import { nextRuns } from "@/lib/ecs/scheduled-tasks/next-runs";
import type { ScalingSnapshot } from "./scaling-data";
import { plural } from "@/lib/core/format/plural";

export const METRIC_LABELS: Record<string, { label: string; unit: string }> = {
  ECSServiceAverageCPUUtilization: { label: "Average CPU utilization", unit: "%" },
  ECSServiceAverageMemoryUtilization: { label: "Average memory utilization", unit: "%" },
  ALBRequestCountPerTarget: { label: "ALB requests per target", unit: " requests" },
};

const ALARM_TONES: Record<string, BadgeTone> = { OK: "green", ALARM: "red", INSUFFICIENT_DATA: "yellow" };

const seconds = (n: number | null) => (n === null ? "—" : `${n} s`);
const tasks = (n: number) => plural(n, "task");

function AlarmRow({ alarm }: { alarm: AlarmView }) {
  return (
    <li className="flex flex-wrap items-start gap-2 text-xs" aria-label={`Alarm ${alarm.name}`}>
      <Badge tone={ALARM_TONES[alarm.state] ?? "neutral"}>{alarm.state}</Badge>
      <span className="min-w-0 flex-1">
        <span className="font-mono break-all text-ink">{alarm.name}</span>
        {alarm.metric && <span className="text-ink-muted"> · {alarm.metric}{alarm.threshold !== null ? ` threshold ${alarm.threshold}` : ""}</span>}
        {alarm.reason && <span className="block text-ink-muted">{alarm.reason}</span>}
      </span>
    </li>
  );
}

function stepText(policy: PolicyView): string[] {
  // Bounds are relative to the alarm threshold; with the alarm's threshold they read as messages.
  const threshold = policy.alarms.find((a) => a.threshold !== null)?.threshold ?? null;
  return policy.steps.map((s) => {
    const change = s.change > 0 ? `add ${tasks(s.change)}` : `remove ${tasks(-s.change)}`;
    if (threshold === null) return `${s.lower ?? "−∞"} to ${s.upper ?? "∞"} above the threshold: ${change}`;
    const from = s.lower === null ? null : threshold + s.lower;
    const to = s.upper === null ? null : threshold + s.upper;
    if (from === null && to !== null) return `at or below ${plural(to, "message")}: ${change}`;
    if (to === null) return `${plural(from ?? 0, "message")} or more: ${change}`;
    return `${from} to ${to} messages: ${change}`;
  });
}

function Policy({ policy }: { policy: PolicyView }) {
  const metric = policy.metric ? (METRIC_LABELS[policy.metric] ?? { label: policy.metric, unit: "" }) : null;
  return (
    <li className="space-y-2 py-3" aria-label={`Policy ${policy.name}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-sm break-all text-ink">{policy.name}</span>
        <Badge tone="blue">{policy.type === "TargetTrackingScaling" ? "Target tracking" : policy.type === "StepScaling" ? "Step scaling" : policy.type}</Badge>
      </div>
      {policy.type === "TargetTrackingScaling" ? (
        <p className="text-sm text-ink">
          Keep <strong>{metric?.label ?? "the metric"}</strong> at <strong>{policy.targetValue}{metric?.unit}</strong> · scale-out cooldown {seconds(policy.scaleOutCooldown)} · scale-in cooldown {seconds(policy.scaleInCooldown)}
          {policy.disableScaleIn && <> · <strong>scale-in disabled</strong></>}
        </p>
      ) : (
        <div className="text-sm text-ink">
          <ul className="list-inside list-disc">
            {stepText(policy).map((t) => <li key={t}>{t}</li>)}
          </ul>
          <p className="text-xs text-ink-muted">Cooldown {seconds(policy.cooldown)}</p>
        </div>
      )}
      {policy.alarms.length > 0 ? (
        <ul className="space-y-1.5" aria-label={`Alarms of ${policy.name}`}>{policy.alarms.map((a) => <AlarmRow key={a.name} alarm={a} />)}</ul>
      ) : (
        <p className="text-xs text-ink-muted">No CloudWatch alarm invokes this policy yet.</p>
      )}
    </li>
  );
}

function ScheduledRow({ action, now }: { action: ScheduledActionView; now: Date | null }) {
  let runs: Date[] = [];
  try {
    runs = now ? nextRuns(action.schedule, now, 3, action.timezone) : [];
  } catch {
    runs = [];
  }
  const fmt = (d: Date) => d.toLocaleString(undefined, { timeZone: action.timezone, dateStyle: "medium", timeStyle: "short" });
  return (
    <tr className="border-t border-line-subtle align-top">
      <td className="py-2 pr-3 font-mono text-xs break-all">{action.name}</td>
      <td className="py-2 pr-3 font-mono text-xs">{action.schedule}<span className="block font-sans text-ink-muted">{action.timezone}</span></td>
      <td className="py-2 pr-3 text-xs whitespace-nowrap">{action.min ?? "—"} – {action.max ?? "—"}</td>
      <td className="py-2 text-xs">
        {runs.length ? <ol aria-label={`Next runs of ${action.name}`}>{runs.map((r) => <li key={r.getTime()}>{fmt(r)}</li>)}</ol> : <span className="text-ink-muted">{now ? "Does not run again." : ""}</span>}
      </td>
    </tr>
  );
}

/** What AWS holds now: range, desired count, policies with alarms, scheduled actions, activities. */
export function ScalingStatus({ value, now }: { value: ScalingSnapshot; now: Date | null }) {
  const { target } = value;
  return (
    <div className="space-y-4">
      {!target ? (
        <EmptyState
          title="Auto scaling is off"
          description={`The service runs ${tasks(value.desired)} (desired count) until someone changes it. Turn on auto scaling below to let Application Auto Scaling add and remove tasks between a minimum and a maximum — on CPU, memory, requests, an SQS queue's backlog or a schedule.`}
        />
      ) : (
        <Card>
          <CardHeader title="Auto scaling is on" />
          <CardBody className="space-y-3">
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
              <div><dt className="text-xs text-ink-muted">Minimum tasks</dt><dd className="text-lg font-semibold" data-testid="scaling-min">{target.min}</dd></div>
              <div><dt className="text-xs text-ink-muted">Maximum tasks</dt><dd className="text-lg font-semibold" data-testid="scaling-max">{target.max}</dd></div>
              <div><dt className="text-xs text-ink-muted">Desired now</dt><dd className="text-lg font-semibold" data-testid="scaling-desired">{value.desired}</dd></div>
              <div><dt className="text-xs text-ink-muted">Running / pending</dt><dd className="text-lg font-semibold">{value.running} / {value.pending}</dd></div>
            </dl>
            <p className="text-sm text-ink">Auto scaling owns the desired count; deployments from Portside leave it alone.</p>
          </CardBody>
        </Card>
      )}

      {target && (
        <Card>
          <CardHeader title="Policies" description="Each policy changes the desired count within the range when its CloudWatch alarm fires." />
          <CardBody>
            {value.policies.length ? (
              <ul className="divide-y divide-line-subtle" aria-label="Scaling policies">{value.policies.map((p) => <Policy key={p.arn || p.name} policy={p} />)}</ul>
            ) : (
              <p className="text-sm text-ink-muted">No policy: the range alone keeps the count between {target.min} and {target.max}. Add target tracking or queue-driven scaling below.</p>
            )}
          </CardBody>
        </Card>
      )}

      {(target || value.scheduled.length > 0) && (
        <Card>
          <CardHeader title="Scheduled actions" description="At these times Application Auto Scaling sets the minimum and maximum; times are shown in each action's time zone." />
          <CardBody>
            {value.scheduled.length ? (
              <table className="w-full text-left text-sm" aria-label="Scheduled actions">
                <thead><tr className="text-xs text-ink-muted"><th className="pb-1 font-medium">Name</th><th className="pb-1 font-medium">Schedule</th><th className="pb-1 font-medium">Min – max</th><th className="pb-1 font-medium">Next 3 runs</th></tr></thead>
                <tbody>{value.scheduled.map((a) => <ScheduledRow key={a.name} action={a} now={now} />)}</tbody>
              </table>
            ) : (
              <p className="text-sm text-ink-muted">No scheduled action.</p>
            )}
          </CardBody>
        </Card>
      )}

      {target && (
        <Card>
          <CardHeader title="Recent scaling activities" />
          <CardBody>
            {value.activities.error ? (
              <Alert tone="warning" title="Scaling activities could not be read">
                <p>{value.activities.error.message}</p>
                {value.activities.error.requestId && <p className="mt-1 font-mono text-xs">Request id: {value.activities.error.requestId}</p>}
              </Alert>
            ) : value.activities.items.length ? (
              <ul className="space-y-2" aria-label="Scaling activities">
                {value.activities.items.map((a) => (
                  <li key={a.id} className="text-sm">
                    <span className="flex flex-wrap items-center gap-2"><Badge tone={a.status === "Successful" ? "green" : a.status === "Failed" ? "red" : "blue"}>{a.status}</Badge>{a.description}</span>
                    <span className="block text-xs text-ink-muted">{a.startedAt ? new Date(a.startedAt).toLocaleString() : ""} · {a.cause}{a.message ? ` · ${a.message}` : ""}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-ink-muted">No scaling activity yet: the count changes when a policy&apos;s alarm fires or a scheduled action runs.</p>
            )}
          </CardBody>
        </Card>
      )}
    </div>
  );
}
