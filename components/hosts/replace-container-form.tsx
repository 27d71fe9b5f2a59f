"use client";

import { useState } from "react";
import { EnvEditor, type EnvVar } from "@/components/wizard/env-editor";
import { CodeBlock } from "@/components/ui/code-block";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { usePlanSubmit } from "@/components/wizard/use-plan-submit";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { previewReplaceContainerAction, replaceContainerAction } from "@/lib/hosts/actions";
import { RESTART_POLICIES, replaceContainerSchema } from "@/lib/hosts/schema";
import type { PlanReview as Review } from "@/lib/core/plans/review-types";

const STEPS: WizardStep[] = [{ id: "container", label: "New container", fields: ["image", "environment", "restartPolicy"] }];

type Props = {
  context: { connectionId: string; region: string; instanceId: string };
  current: { image: string; environment: EnvVar[]; restartPolicy: string };
};

/** The shell the reviewed SendCommand runs, one line each. */
function commandsOf(review: Review): string | null {
  const send = review.plan.steps.find((s) => s.operation === "SendCommand");
  const commands = (send?.input.Parameters as { commands?: unknown } | undefined)?.commands;
  return Array.isArray(commands) ? commands.join("\n") : null;
}

/** Replace container: new image and environment, run on the host through SSM Run Command. */
export function ReplaceContainerForm({ context, current }: Props) {
  const [values, setValues] = useState({ ...context, ...current });
  const w = useWizard(replaceContainerSchema, STEPS, values);
  const { review, setReview, message, onReview, action } = usePlanSubmit(w, STEPS.length, previewReplaceContainerAction, replaceContainerAction);
  const set = (patch: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setReview(null);
  };
  const err = (k: string) => w.errorFor(k);
  const commands = review && commandsOf(review);
  return (
    <WizardFrame steps={STEPS} current={w.current} action={action} onBack={w.back} message={message} submitLabel={onReview ? "Replace container" : "Review"}>
      {(["connectionId", "region", "instanceId"] as const).map((k) => <input key={k} type="hidden" name={k} value={values[k]} />)}
      <div hidden={w.current !== 0} className="space-y-4">
        <div className="grid gap-4 md:grid-cols-3">
          <Field label="New image" htmlFor="replaceImage" required error={err("image")} className="md:col-span-2">
            <Input id="replaceImage" name="image" value={values.image} className="font-mono" autoComplete="off" spellCheck={false}
              onChange={(e) => set({ image: e.target.value })} onBlur={() => w.touch("image")} {...fieldAria("replaceImage", err("image"))} />
          </Field>
          <Field label="Restart policy" htmlFor="replaceRestart" error={err("restartPolicy")}>
            <Select id="replaceRestart" name="restartPolicy" value={values.restartPolicy} onChange={(e) => set({ restartPolicy: e.target.value })}>
              {RESTART_POLICIES.map((p) => <option key={p} value={p}>{p}</option>)}
            </Select>
          </Field>
        </div>
        <EnvEditor vars={values.environment} onChange={(environment) => set({ environment })} errorFor={err} onTouch={w.touch} />
      </div>
      {onReview && review && (
        <PlanReview review={review} note={commands && (
          <div>
            <p className="mb-1 text-xs font-medium text-ink-muted">The command SSM runs on the host (AWS-RunShellScript)</p>
            <CodeBlock wrap code={commands} aria-label="Command to run" />
          </div>
        )} />
      )}
    </WizardFrame>
  );
}
