"use client";

import { useState, useTransition, type ReactNode } from "react";
import type { z } from "zod";
import { keepValuesSubmit } from "@/components/forms/keep-values-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PlanReview } from "@/components/wizard/plan-review";
import { useWizard } from "@/components/wizard/use-wizard";
import { initialState, type ActionState } from "@/lib/core/actions/state";
import type { PlanReview as Review } from "@/lib/core/plans/review-types";

type PlanAction = (state: ActionState, form: FormData) => Promise<ActionState>;
export type ServiceTarget = { connectionId: string; region: string; cluster: string; service: string };
export type FormWizard = ReturnType<typeof useWizard>;

/**
 * The two-press flow of every service action: Review builds the plan on the server (the
 * authority on validation; bad input stops at the field with no AWS call), the review shows
 * its requests as JSON and CLI, and the confirm button runs exactly that plan. Success opens
 * the run page; only failures come back here. Editing a value drops the review.
 */
export function PlanActionForm<S extends z.ZodType>(props: {
  target: ServiceTarget;
  schema: S;
  fields: string[];
  values: Record<string, unknown>;
  preview: PlanAction;
  confirm: PlanAction;
  confirmLabel: string;
  danger?: boolean;
  /** Shown above the review: what the change means (a warning before something destructive). */
  reviewNote?: ReactNode;
  disabled?: boolean;
  onCancel: () => void;
  children: (w: FormWizard) => ReactNode;
}) {
  const all = { ...props.target, ...props.values };
  const w = useWizard(props.schema, [{ id: "action", label: "Action", fields: props.fields }], all);
  const [review, setReview] = useState<{ for: string; review: Review } | null>(null);
  const [message, setMessage] = useState<{ text: string; requestId?: string }>();
  const [pending, start] = useTransition();
  const key = JSON.stringify(props.values);
  const current = review?.for === key ? review.review : null;

  async function action(form: FormData) {
    setMessage(undefined);
    if (!current) {
      if (!w.next()) return;
      w.goTo(0);
      const result = await props.preview(initialState, form);
      if (result.ok) return setReview({ for: key, review: result.data as Review });
      w.applyServerErrors(result.fieldErrors ?? {});
      if (!result.fieldErrors) setMessage({ text: result.message ?? "Could not review the change.", requestId: result.requestId });
      return;
    }
    form.set("reviewedHash", current.hash);
    const result = await props.confirm(initialState, form);
    if (result.fieldErrors) {
      w.applyServerErrors(result.fieldErrors);
      setReview(null);
    }
    setMessage({ text: result.message ?? "The plan could not be started.", requestId: result.requestId });
  }

  return (
    <form onSubmit={keepValuesSubmit(action, start)} noValidate className="space-y-4">
      {Object.entries(props.target).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {props.children(w)}
      {message && (
        <Alert tone="error" title="Could not continue">
          <p>{message.text}</p>
          {message.requestId && <p className="mt-1 font-mono text-xs">Request id: {message.requestId}</p>}
        </Alert>
      )}
      {current && (
        <div className="border-t border-line pt-4">
          <PlanReview review={current} note={props.reviewNote} />
        </div>
      )}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={current ? () => setReview(null) : props.onCancel}>{current ? "Edit" : "Cancel"}</Button>
        <Button type="submit" variant={current && props.danger ? "danger" : "primary"} pending={pending} disabled={props.disabled}>
          {current ? props.confirmLabel : "Review"}
        </Button>
      </div>
    </form>
  );
}
