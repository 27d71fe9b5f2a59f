"use client";

import { useState, useTransition } from "react";
import { keepValuesSubmit } from "@/components/forms/keep-values-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PlanReview } from "@/components/wizard/plan-review";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { initialState } from "@/lib/core/actions/state";
import { previewExpressUpdateAction, updateExpressAction } from "@/lib/express/actions";
import type { ExpressSettings } from "@/lib/express/plan";
import type { PlanReview as Review } from "@/lib/core/plans/review-types";
import { updateExpressSchema } from "@/lib/express/schema";
import { EnvEditor, type EnvVar } from "@/components/wizard/env-editor";
import { ComputeFields, ContainerFields } from "./settings-fields";

const STEPS: WizardStep[] = [
  {
    id: "settings",
    label: "Settings",
    fields: ["image", "containerPort", "cpu", "memory", "minTasks", "maxTasks", "scalingMetric", "scalingTarget", "healthCheckPath", "environment"],
  },
];

type Props = { connectionId: string; region: string; serviceArn: string; serviceName: string; cluster: string; current: ExpressSettings };

/** Edit the running configuration, review the UpdateExpressGatewayService plan, run it. */
export function UpdateExpressForm({ current, ...ids }: Props) {
  const [values, setValues] = useState({
    ...ids,
    image: current.image,
    containerPort: String(current.containerPort),
    cpu: current.cpu,
    memory: current.memory,
    minTasks: String(current.minTasks),
    maxTasks: String(current.maxTasks),
    scalingMetric: current.scalingMetric,
    scalingTarget: String(current.scalingTarget),
    healthCheckPath: current.healthCheckPath,
    environment: current.environment as EnvVar[],
  });
  const [review, setReview] = useState<Review | null>(null);
  const [message, setMessage] = useState<{ text: string; requestId?: string }>();
  const [pending, start] = useTransition();
  const w = useWizard(updateExpressSchema, STEPS, values);
  const set = (patch: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setReview(null);
  };

  async function action(form: FormData) {
    setMessage(undefined);
    if (!review) {
      // next() reveals every field's error; with one step there is nowhere to move on to.
      if (!w.parsed.success) return void w.next();
      const result = await previewExpressUpdateAction(initialState, form);
      if (result.ok) return setReview(result.data as Review);
      w.applyServerErrors(result.fieldErrors ?? {});
      return setMessage({ text: result.message ?? "The plan could not be built.", requestId: result.requestId });
    }
    form.set("reviewedHash", review.hash);
    const result = await updateExpressAction(initialState, form);
    if (result.fieldErrors) w.applyServerErrors(result.fieldErrors);
    setMessage({ text: result.message ?? "The plan could not be started.", requestId: result.requestId });
  }

  const settingsProps = { values, set, errorFor: w.errorFor, touch: w.touch };
  return (
    <Card>
      <CardHeader title="Update" description="Change the image, size, scaling, health check or environment. Express Mode rolls the change out as a new deployment." />
      <CardBody>
        <form onSubmit={keepValuesSubmit(action, start)} noValidate className="space-y-5" aria-label="Update Express service">
          {Object.entries(ids).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
          {message && (
            <Alert tone="error" title="Could not continue">
              <p>{message.text}</p>
              {message.requestId && <p className="mt-1 font-mono text-xs">Request id: {message.requestId}</p>}
            </Alert>
          )}
          <ContainerFields {...settingsProps} picker={{ connectionId: ids.connectionId, region: ids.region }} />
          <ComputeFields {...settingsProps} />
          <EnvEditor vars={values.environment} onChange={(environment) => set({ environment })} errorFor={w.errorFor} onTouch={w.touch} />
          {review && <PlanReview review={review} note={<p className="text-xs text-ink-muted">The cleanup plan of this run puts the previous configuration back.</p>} />}
          <div className="flex gap-2 border-t border-line pt-4">
            <Button type="submit" variant="primary" pending={pending}>{review ? "Update service" : "Review changes"}</Button>
            {review && <Button type="button" variant="secondary" onClick={() => setReview(null)}>Edit</Button>}
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
