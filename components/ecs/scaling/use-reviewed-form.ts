"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { z } from "zod";
import { useWizard } from "@/components/wizard/use-wizard";
import { initialState, type ActionState } from "@/lib/core/actions/state";
import type { PlanReview } from "@/lib/core/plans/review-types";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** { a: { b: 1 }, c: [{ d: 2 }] } → a.b=1, c.0.d=2: the dotted names lib/core/validation/form-data.ts reads back. */
export function toFormData(values: Record<string, unknown>): FormData {
  const form = new FormData();
  const walk = (prefix: string, v: unknown) => {
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) return v.forEach((item, i) => walk(`${prefix}.${i}`, item));
    if (typeof v === "object") return Object.entries(v as Record<string, unknown>).forEach(([k, item]) => walk(prefix ? `${prefix}.${k}` : k, item));
    form.append(prefix, String(v));
  };
  walk("", values);
  return form;
}

/**
 * Review, then run: the first submit checks the values in the browser with the action's own schema
 * (errors at the fields, no server call when they are wrong), then asks the preview action for the
 * plan's review; the second submit runs exactly that plan (the apply action redirects to the run).
 */
export function useReviewedForm<S extends z.ZodType>(opts: { schema: S; fields: string[]; values: Record<string, unknown>; preview: Action; apply: Action }) {
  const [review, setReview] = useState<PlanReview | null>(null);
  const [message, setMessage] = useState<{ text: string; requestId?: string }>();
  const [pending, start] = useTransition();
  const w = useWizard(opts.schema, [{ id: "form", label: "Form", fields: opts.fields }], opts.values);

  async function run() {
    setMessage(undefined);
    if (!review) {
      if (!w.next()) return;
      w.goTo(0);
      const result = await opts.preview(initialState, toFormData(opts.values));
      if (result.ok) return setReview(result.data as PlanReview);
      w.applyServerErrors(result.fieldErrors ?? {});
      if (!result.fieldErrors || Object.keys(result.fieldErrors).length === 0) setMessage({ text: result.message ?? "Could not review the change.", requestId: result.requestId });
      return;
    }
    const result = await opts.apply(initialState, toFormData({ ...opts.values, reviewedHash: review.hash }));
    if (result.fieldErrors) w.applyServerErrors(result.fieldErrors);
    setMessage({ text: result.message ?? "The plan could not be started.", requestId: result.requestId });
  }

  return {
    review,
    message,
    pending,
    errorFor: w.errorFor,
    /** Call on every change: shows that field's errors and drops a review of other values. */
    touch: (field: string) => {
      w.touch(field);
      setReview(null);
    },
    edit: () => setReview(null),
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      start(run);
    },
  };
}
