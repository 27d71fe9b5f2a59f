"use client";

import { useState, type ChangeEvent } from "react";
import type { z } from "zod";
import { fieldAria } from "@/components/ui/field";
import { useWizard, type WizardStep } from "./use-wizard";
import type { ActionState } from "@/lib/core/actions/state";
import { usePlanSubmit } from "./use-plan-submit";

type PlanAction = (state: ActionState, form: FormData) => Promise<ActionState>;

/**
 * A plan wizard's values with its steps and submit flow: `set` changes values and drops the
 * review (the plan no longer matches), `bind(k)` wires a text input or textarea to a field with
 * its error, so each wizard only lays out its fields.
 */
export function useWizardForm<V extends Record<string, unknown>>(
  schema: z.ZodType,
  steps: WizardStep[],
  initial: () => V,
  preview: PlanAction,
  confirm: PlanAction,
) {
  const [values, setValues] = useState(initial);
  const w = useWizard(schema, steps, values);
  const submit = usePlanSubmit(w, steps.length, preview, confirm);
  const set = (patch: Partial<V>) => {
    setValues((v) => ({ ...v, ...patch }));
    submit.setReview(null);
  };
  const err = (k: string) => w.errorFor(k);
  const bind = (k: keyof V & string) => ({
    id: k,
    name: k,
    value: String(values[k] ?? ""),
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set({ [k]: e.target.value } as Partial<V>),
    onBlur: () => w.touch(k),
    ...fieldAria(k, err(k)),
  });
  return { values, set, err, bind, w, ...submit };
}
