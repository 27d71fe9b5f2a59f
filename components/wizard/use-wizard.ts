"use client";

import { useState } from "react";
import type { z } from "zod";

export type WizardStep = { id: string; label: string; fields: string[] };

/**
 * Wizard state shared by every wizard: current step, field errors from the same
 * zod schema the server action uses, shown as the person types once a field was
 * touched, and per step when they press Next.
 */
export function useWizard<S extends z.ZodType>(schema: S, steps: WizardStep[], values: unknown) {
  const [current, setCurrent] = useState(0);
  const [shown, setShown] = useState<Set<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});

  const parsed = schema.safeParse(values);
  const errors: Record<string, string[]> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // One message per field: the first rule broken is the one to fix.
      errors[issue.path.join(".")] ??= [issue.message];
    }
  }
  const stepOf = (key: string) => steps.findIndex((s) => s.fields.some((f) => key === f || key.startsWith(`${f}.`)));
  const visible = (key: string) => [...shown].some((f) => key === f || key.startsWith(`${f}.`));

  const errorFor = (key: string): string[] | undefined => serverErrors[key] ?? (visible(key) ? errors[key] : undefined);

  return {
    current,
    parsed,
    errorFor,
    touch: (field: string) => {
      setShown((s) => new Set(s).add(field));
      setServerErrors(({ [field]: _drop, ...rest }) => rest);
    },
    /** Moves on only when the current step's fields are valid; else shows their errors. */
    next: () => {
      const step = steps[current];
      if (!step) return false;
      setShown((s) => new Set([...s, ...step.fields]));
      if (Object.keys(errors).some((k) => stepOf(k) === current)) return false;
      setCurrent((c) => Math.min(c + 1, steps.length));
      return true;
    },
    back: () => setCurrent((c) => Math.max(c - 1, 0)),
    goTo: setCurrent,
    /** Server-side field errors (e.g. name taken): show them and jump to their step. */
    applyServerErrors: (fieldErrors: Record<string, string[]>) => {
      setServerErrors(fieldErrors);
      const first = Object.keys(fieldErrors).map(stepOf).filter((i) => i >= 0).sort()[0];
      if (first !== undefined) setCurrent(first);
    },
  };
}
