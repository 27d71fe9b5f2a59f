import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { Elapsed } from "@/components/ui/elapsed";
import { formatDuration } from "@/components/ui/time";
import type { RunStepView } from "@/lib/core/audit/run-view";
import { stepToCli } from "@/lib/core/plans/cli";
import { iamAction } from "@/lib/core/plans/iam-actions";
import type { Plan } from "@/lib/core/plans/types";

/** Every request of a run with its outcome: what was sent, what AWS answered, its request id and duration. */
export function StepList({ steps, region, plan }: { steps: RunStepView[]; region: string; plan: Plan }) {
  return (
    <Card>
      <CardHeader title="Requests" description="Recorded before each is sent and completed with AWS's answer." />
      <ol className="divide-y divide-line" aria-label="Requests">
        {steps.map((step) => (
          <li key={step.index} className="px-4 py-3" data-testid={`step-${step.index}`}>
            <div className="flex flex-wrap items-center gap-2">
              <span className="w-5 text-ink-faint tabular-nums">{step.index + 1}.</span>
              <span className="font-medium">{step.description}</span>
              <Badge tone="blue" className="font-mono">{iamAction(step.service, step.operation)}</Badge>
              <StatusBadge status={step.status} />
              {step.status === "running" && step.startedAt ? (
                <Elapsed since={step.startedAt} className="text-xs tabular-nums text-ink-muted" />
              ) : (
                step.durationMs !== null && <span className="text-xs text-ink-muted">{formatDuration(step.durationMs)}</span>
              )}
              {step.requestId && <span className="font-mono text-xs text-ink-muted">request id {step.requestId}</span>}
            </div>
            {step.progress && step.status === "running" && (
              <p className="mt-2 text-sm text-ink-muted" role="status" aria-live="polite">{step.progress}</p>
            )}
            {step.error && (
              <p className="mt-2 text-sm text-red-700" role="alert">
                {step.errorCode && <span className="font-mono">{step.errorCode}: </span>}
                {step.error}
              </p>
            )}
            <details className="mt-2">
              <summary className="cursor-pointer text-xs text-accent-700">Request, response and CLI</summary>
              <div className="mt-2 grid gap-3 lg:grid-cols-2">
                <div>
                  <p className="mb-1 text-xs text-ink-muted">Request sent</p>
                  <CodeBlock code={JSON.stringify(step.request, null, 2)} />
                </div>
                <div>
                  <p className="mb-1 text-xs text-ink-muted">Response</p>
                  <CodeBlock code={step.response ? JSON.stringify(step.response, null, 2) : "—"} />
                </div>
                <div className="lg:col-span-2">
                  <p className="mb-1 text-xs text-ink-muted">AWS CLI equivalent</p>
                  <CodeBlock wrap code={stepToCli({ ...(plan.steps[step.index] ?? { key: step.key, service: step.service, operation: step.operation, description: "" }), input: step.request as Record<string, unknown> }, region)} />
                </div>
              </div>
            </details>
          </li>
        ))}
      </ol>
    </Card>
  );
}
