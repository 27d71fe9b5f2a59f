"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PlanReview } from "@/components/wizard/plan-review";
import { initialState } from "@/lib/core/actions/state";
import { runCleanupAction } from "@/lib/core/audit/run-actions";
import type { RunStepView } from "@/lib/core/audit/run-view";
import type { PlanReview as Review } from "@/lib/core/plans/review-types";

/** After a failed run: what it left behind in AWS, and the plan that removes it. */
export function CleanupPanel(props: { runId: string; review: Review; created: RunStepView[]; canOperate: boolean }) {
  const [state, action] = useActionState(runCleanupAction, initialState);
  return (
    <Card>
      <CardHeader title="Clean up" description="This run created resources before it stopped. They stay in AWS until you remove them." />
      <CardBody className="space-y-4">
        <div>
          <p className="text-sm font-medium">Created by this run</p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {props.created.map((s) => <li key={s.index}>{s.description}</li>)}
          </ul>
        </div>
        <PlanReview review={props.review} />
        {state.message && <Alert tone="error">{state.message}</Alert>}
        {props.canOperate ? (
          <ConfirmDialog
            triggerLabel="Run cleanup plan"
            triggerProps={{ variant: "danger" }}
            title="Run the cleanup plan?"
            description={`This deletes what the run created: ${props.review.plan.steps.map((s) => s.description).join("; ")}.`}
            confirmLabel="Delete these resources"
            tone="danger"
            formAction={action}
          >
            <input type="hidden" name="runId" value={props.runId} />
            <input type="hidden" name="reviewedHash" value={props.review.hash} />
          </ConfirmDialog>
        ) : (
          <p className="text-xs text-ink-muted">An operator can run this cleanup plan.</p>
        )}
      </CardBody>
    </Card>
  );
}
