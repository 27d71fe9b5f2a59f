"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PlanReview } from "@/components/wizard/plan-review";
import type { useReviewedForm } from "./use-reviewed-form";

export type ScalingTarget = { connectionId: string; region: string; cluster: string; service: string };

/** The error, the review and the Review / Apply / Edit buttons every scaling editor ends with. */
export function ReviewFooter({ form, reviewLabel, applyLabel, disabled }: { form: ReturnType<typeof useReviewedForm>; reviewLabel: string; applyLabel: string; disabled?: boolean }) {
  return (
    <>
      {form.message && (
        <Alert tone="error" title="Could not continue">
          <p>{form.message.text}</p>
          {form.message.requestId && <p className="mt-1 font-mono text-xs">Request id: {form.message.requestId}</p>}
        </Alert>
      )}
      {form.review && <PlanReview review={form.review} />}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" pending={form.pending} disabled={disabled}>{form.review ? applyLabel : reviewLabel}</Button>
        {form.review && <Button type="button" variant="secondary" onClick={form.edit}>Edit</Button>}
      </div>
    </>
  );
}
