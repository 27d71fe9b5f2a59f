"use client";

import { useState } from "react";
import { initialState, type ActionState } from "@/lib/core/actions/state";
import type { PlanReview } from "@/lib/core/plans/review-types";

type PlanAction = (state: ActionState, form: FormData) => Promise<ActionState>;
type Steps = { current: number; next: () => boolean; applyServerErrors: (errors: Record<string, string[]>) => void };

export type WizardMessage = { text: string; requestId?: string };

/**
 * The submit flow every plan wizard shares: Next through the steps, Review builds the
 * plan on the server (the authority on validation), Confirm sends the reviewed hash so
 * the server refuses a plan that changed. Success redirects to the run page; only
 * failures come back, shown at their fields or as a message.
 */
export function usePlanSubmit(w: Steps, stepCount: number, preview: PlanAction, confirm: PlanAction) {
  const [review, setReview] = useState<PlanReview | null>(null);
  const [message, setMessage] = useState<WizardMessage>();
  const onReview = w.current === stepCount;

  async function action(form: FormData) {
    setMessage(undefined);
    if (w.current < stepCount - 1) return void w.next();
    if (!onReview) {
      if (!w.next()) return;
      const result = await preview(initialState, form);
      if (result.ok) return setReview(result.data as PlanReview);
      w.applyServerErrors(result.fieldErrors ?? {});
      if (result.message && !result.fieldErrors) setMessage({ text: result.message, requestId: result.requestId });
      return;
    }
    form.set("reviewedHash", review?.hash ?? "");
    const result = await confirm(initialState, form);
    if (result.fieldErrors) w.applyServerErrors(result.fieldErrors);
    setMessage({ text: result.message ?? "The plan could not be started.", requestId: result.requestId });
  }

  return { review, setReview, message, setMessage, onReview, action };
}
