"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { applyRemoveScalingAction, previewRemoveScalingAction } from "@/lib/ecs/scaling/actions";
import { removeScalingSchema } from "@/lib/ecs/scaling/schema";
import { ReviewFooter, type ScalingTarget } from "./form-bits";
import { useReviewedForm } from "./use-reviewed-form";

/** "Turn off auto scaling": a confirmation, then the plan's review, then the run. */
export function RemoveScalingForm(props: { target: ScalingTarget; desired: number }) {
  const [confirmed, setConfirmed] = useState(false);
  const form = useReviewedForm({ schema: removeScalingSchema, fields: [], values: props.target, preview: previewRemoveScalingAction, apply: applyRemoveScalingAction });
  if (!confirmed) {
    return (
      <ConfirmDialog
        triggerLabel="Turn off auto scaling"
        triggerProps={{ variant: "danger" }}
        tone="danger"
        title={`Turn off auto scaling for ${props.target.service}?`}
        description={`Its policies, their alarms and scheduled actions are deleted. The service keeps its current desired count (${props.desired}) until someone changes it.`}
        confirmLabel="Continue to review"
        onConfirm={() => setConfirmed(true)}
      />
    );
  }
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label="Turn off auto scaling">
      <p className="text-sm text-ink">Review what turning off auto scaling deletes, then apply.</p>
      <ReviewFooter form={form} reviewLabel="Review turning off" applyLabel="Turn off auto scaling" />
    </form>
  );
}
