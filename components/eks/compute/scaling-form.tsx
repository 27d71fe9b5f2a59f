"use client";

import { useState, useTransition } from "react";
import { keepValuesSubmit } from "@/components/forms/keep-values-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { useWizard } from "@/components/wizard/use-wizard";
import { initialState } from "@/lib/core/actions/state";
import { previewScaleNodegroupAction, scaleNodegroupAction } from "@/lib/eks/compute/actions";
import type { PlanReview as Review } from "@/lib/core/plans/review-types";
import { scaleNodegroupSchema } from "@/lib/eks/nodegroups/schema";

const STEPS = [{ id: "scaling", label: "Scaling", fields: ["minSize", "maxSize", "desiredSize"] }];

/** Edit min / max / desired, review the UpdateNodegroupConfig plan, then run it. */
export function ScalingForm(props: { target: { connectionId: string; region: string; clusterName: string; nodegroupName: string }; scaling: { minSize: number; maxSize: number; desiredSize: number }; disabled: boolean }) {
  const [values, setValues] = useState({ ...props.target, minSize: String(props.scaling.minSize), maxSize: String(props.scaling.maxSize), desiredSize: String(props.scaling.desiredSize) });
  const [review, setReview] = useState<Review | null>(null);
  const [message, setMessage] = useState<{ text: string; requestId?: string }>();
  const [pending, start] = useTransition();
  const w = useWizard(scaleNodegroupSchema, STEPS, values);
  const set = (k: "minSize" | "maxSize" | "desiredSize", v: string) => { setValues((s) => ({ ...s, [k]: v })); setReview(null); w.touch(k); };

  async function action(form: FormData) {
    setMessage(undefined);
    if (!review) {
      if (!w.next()) return;
      w.goTo(0);
      const result = await previewScaleNodegroupAction(initialState, form);
      if (result.ok) return setReview(result.data as Review);
      w.applyServerErrors(result.fieldErrors ?? {});
      if (!result.fieldErrors) setMessage({ text: result.message ?? "Could not review the change.", requestId: result.requestId });
      return;
    }
    form.set("reviewedHash", review.hash);
    const result = await scaleNodegroupAction(initialState, form);
    if (result.fieldErrors) w.applyServerErrors(result.fieldErrors);
    setMessage({ text: result.message ?? "The plan could not be started.", requestId: result.requestId });
  }

  const input = (k: "minSize" | "maxSize" | "desiredSize", label: string) => (
    <Field label={label} htmlFor={k} error={w.errorFor(k)}>
      <Input id={k} name={k} type="number" min={0} value={values[k]} disabled={props.disabled} onChange={(e) => set(k, e.target.value)} {...fieldAria(k, w.errorFor(k))} />
    </Field>
  );
  return (
    <form onSubmit={keepValuesSubmit(action, start)} noValidate className="space-y-4">
      {Object.entries(props.target).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <div className="grid gap-4 sm:grid-cols-3">
        {input("minSize", "Minimum size")}
        {input("desiredSize", "Desired size")}
        {input("maxSize", "Maximum size")}
      </div>
      {message && <Alert tone="error" title="Could not continue"><p>{message.text}</p>{message.requestId && <p className="mt-1 font-mono text-xs">Request id: {message.requestId}</p>}</Alert>}
      {review && <PlanReview review={review} />}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" pending={pending} disabled={props.disabled}>{review ? "Apply scaling" : "Review scaling change"}</Button>
        {review && <Button type="button" variant="secondary" onClick={() => setReview(null)}>Edit</Button>}
      </div>
      {props.disabled && <p className="text-xs text-ink-muted">Scaling can change when the node group is ACTIVE.</p>}
    </form>
  );
}
