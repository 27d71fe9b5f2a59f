"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { previewScaleServiceAction, scaleServiceAction } from "@/lib/ecs/services/ops-actions";
import { MAX_DESIRED, scaleServiceSchema } from "@/lib/ecs/services/ops-schema";
import { ContextStatus } from "./context-status";
import { PlanActionForm, type ServiceTarget } from "./plan-action-form";
import { useServiceContext } from "./use-service-context";
import { plural, pluralWord } from "@/lib/core/format/plural";

/** Update desired count: 0–5000 tasks; scale to 0 is confirmed as the destructive change it is. */
export function ScaleForm({ target, desired, onCancel }: { target: ServiceTarget; desired: number; onCancel: () => void }) {
  const { context, error } = useServiceContext(target, "scale");
  const [value, setValue] = useState(String(desired));
  const now = context?.desired ?? desired;
  const range = context?.autoScaling;
  const toZero = value.trim() === "0";
  return (
    <PlanActionForm target={target} schema={scaleServiceSchema} fields={["desiredCount"]} values={{ desiredCount: value }}
      preview={previewScaleServiceAction} confirm={scaleServiceAction} onCancel={onCancel}
      danger={toZero} confirmLabel={toZero ? `Scale ${target.service} to 0 tasks` : "Update desired count"}
      reviewNote={toZero && (
        <Alert tone="warning" title={`ECS stops every task of ${target.service}`}>
          It serves nothing until someone scales it up again. {now > 0 ? `${plural(now, "task")} ${pluralWord(now, "runs", "run")} now.` : ""}
        </Alert>
      )}>
      {(w) => (
        <>
          {!context && <ContextStatus error={error} />}
          {range && (
            <Alert tone="info" title="Application Auto Scaling owns this count">
              A scalable target keeps {target.service} between <strong>{range.min}</strong> (min) and <strong>{range.max}</strong> (max) tasks, and its
              policies change the desired count as load changes; a count you set here holds only until the next scaling activity. To change it
              for good, change the minimum and maximum instead.
            </Alert>
          )}
          <Field label="Desired tasks" htmlFor="desiredCount" error={w.errorFor("desiredCount")} hint={`Now ${now}. 0 to ${MAX_DESIRED}; ECS starts or stops tasks to match.`}>
            <Input id="desiredCount" name="desiredCount" inputMode="numeric" className="w-32" value={value} autoFocus autoComplete="off"
              onChange={(e) => { setValue(e.target.value); w.touch("desiredCount"); }} {...fieldAria("desiredCount", w.errorFor("desiredCount"), true)} />
          </Field>
        </>
      )}
    </PlanActionForm>
  );
}
