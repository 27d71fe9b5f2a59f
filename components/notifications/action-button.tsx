"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/wizard/submit-button";
import type { ActionState } from "@/lib/core/actions/state";
import { initialState } from "@/lib/core/actions/state";
import type { ButtonProps } from "@/components/ui/button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** One button posting hidden fields to an action, with the action's answer beside it. */
export function ActionButton({ action, fields, label, ariaLabel, variant = "secondary" }: {
  action: Action; fields: Record<string, string>; label: string; ariaLabel?: string; variant?: ButtonProps["variant"];
}) {
  const [state, dispatch] = useActionState(action, initialState);
  return (
    <form action={dispatch} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <SubmitButton variant={variant} size="sm" aria-label={ariaLabel ?? label}>{label}</SubmitButton>
      {state.message && (
        <span role="status" className={state.ok ? "text-xs text-green-700" : "text-xs text-red-700"}>{state.message}</span>
      )}
    </form>
  );
}
