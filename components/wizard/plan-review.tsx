import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { Link } from "@/components/ui/link";
import { iamAction, permissionsPolicy } from "@/lib/core/plans/iam-actions";
import type { PlanReview as Review } from "@/lib/core/plans/review-types";

/** The review page of every wizard: each request as JSON and as the AWS CLI command. */
export function PlanReview({ review, note }: { review: Review; note?: React.ReactNode }) {
  const { plan, cli, permissions } = review;
  return (
    <div className="space-y-4">
      <div>
        <h2 className="text-base font-semibold">{plan.title}</h2>
        <p className="text-ink-muted">
          {plan.steps.length === 1
            ? "Portside will send this request and record it in the history."
            : `Portside will send these ${plan.steps.length} requests in order, recording each one in the history before the next.`}
        </p>
        {note && <div className="mt-2">{note}</div>}
      </div>
      {plan.warnings?.map((w) => (
        <Alert key={w} tone="warning" title="Check before you confirm" className="[overflow-wrap:anywhere]">
          {w}
          {plan.warningLinks?.[w] && (
            <> <Link href={plan.warningLinks[w].href} className="font-medium underline">{plan.warningLinks[w].label}</Link></>
          )}
        </Alert>
      ))}
      <ol className="space-y-3" aria-label="Plan steps">
        {plan.steps.map((step, i) => (
          <li key={step.key}>
            <Card>
              <CardHeader
                title={`${i + 1}. ${step.description}`}
                description={step.dependsOn?.length ? `Uses the result of: ${step.dependsOn.join(", ")}` : undefined}
                actions={<Badge tone="blue" className="font-mono">{iamAction(step.service, step.operation)}</Badge>}
              />
              <CardBody className="grid gap-3 lg:grid-cols-2">
                <div>
                  <p className="mb-1 text-xs font-medium text-ink-muted">Request</p>
                  <CodeBlock wrap code={JSON.stringify(step.input, null, 2)} aria-label={`Request ${i + 1} JSON`} />
                </div>
                <div>
                  <p className="mb-1 text-xs font-medium text-ink-muted">AWS CLI equivalent</p>
                  <CodeBlock wrap code={cli[i] ?? ""} aria-label={`Request ${i + 1} AWS CLI`} />
                </div>
              </CardBody>
            </Card>
          </li>
        ))}
      </ol>
      <Card>
        <CardHeader
          title="Permissions this plan needs"
          description="The IAM actions the connection's identity must be allowed, as a policy you can attach (narrow Resource where you can)."
        />
        <CardBody className="space-y-3">
          <ul className="flex flex-wrap gap-1.5" aria-label="IAM actions">
            {permissions.map((a) => <li key={a}><Badge className="font-mono">{a}</Badge></li>)}
          </ul>
          <CodeBlock code={permissionsPolicy(permissions)} aria-label="IAM policy JSON" />
        </CardBody>
      </Card>
    </div>
  );
}
