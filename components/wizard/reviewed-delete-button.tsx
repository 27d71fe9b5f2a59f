"use client";

import { useActionState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState, type ActionState } from "@/lib/core/actions/state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

type Props = {
  /** What is deleted, in words: "rule", "schedule", "public repository". */
  noun: string;
  /** Its name, shown in the button's accessible name and the dialog's title. */
  name: string;
  /** What stops and what stays once it is gone. */
  description: ReactNode;
  /** The confirm button's text; "Delete <noun>" when not given. */
  confirmLabel?: string;
  /** The fields that identify it, posted to `preview` and with the confirm. */
  fields: Record<string, string | number>;
  preview: Action;
  action: Action;
  /** Options inside the dialog, such as a typed confirmation. */
  children?: ReactNode;
};

/**
 * A row's Delete button: a confirmation dialog that shows the reviewed plan, then runs it as a
 * recorded plan. One component for every list whose rows can be deleted this way.
 */
export function ReviewedDeleteButton({ noun, name, description, confirmLabel, fields, preview, action, children }: Props) {
  const [state, formAction] = useActionState(action, initialState);
  return (
    <div className="flex items-center justify-end gap-2">
      {state.message && <Alert tone="error" className="py-1">{state.message}</Alert>}
      <ReviewedConfirmDialog
        triggerLabel="Delete"
        triggerProps={{ variant: "secondary", size: "sm", "aria-label": `Delete ${noun} ${name}` }}
        tone="danger"
        title={`Delete ${noun} ${name}?`}
        description={description}
        confirmLabel={confirmLabel ?? `Delete ${noun}`}
        fields={fields}
        preview={preview}
        formAction={formAction}
      >
        {children}
      </ReviewedConfirmDialog>
    </div>
  );
}
