"use client";

import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState, type ActionState } from "@/lib/core/actions/state";

/**
 * A one-request plan (delete, remove) confirmed in a dialog that shows its review (`preview`).
 * Success opens the run page; only failures come back and are shown here.
 */
export function RunPlanButton(props: {
  label: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  requireText?: string;
  fields: Record<string, string>;
  preview: (prev: ActionState, form: FormData) => Promise<ActionState>;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  disabled?: boolean;
  size?: "sm" | "md";
  children?: ReactNode;
}) {
  const [error, setError] = useState<ActionState | null>(null);
  return (
    <div className="flex flex-col items-end gap-2">
      <ReviewedConfirmDialog triggerLabel={props.label} tone="danger" triggerProps={{ disabled: props.disabled, size: props.size }} title={props.title}
        description={props.description} confirmLabel={props.confirmLabel} requireText={props.requireText}
        fields={props.fields} preview={props.preview}
        formAction={async (form) => {
          setError(null);
          const result = await props.action(initialState, form);
          if (!result.ok) setError(result);
        }}>
        {props.children}
      </ReviewedConfirmDialog>
      {error && (
        <Alert tone="error" title="Could not start">
          <p>{error.message ?? Object.values(error.fieldErrors ?? {}).flat()[0] ?? "The plan could not be started."}</p>
          {error.requestId && <p className="mt-1 font-mono text-xs">Request id: {error.requestId}</p>}
        </Alert>
      )}
    </div>
  );
}
