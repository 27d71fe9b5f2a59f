"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { deregisterTaskDefinitionAction, previewDeregisterTaskDefinitionAction } from "@/lib/ecs/task-definitions/actions";

type Props = { connectionId: string; region: string; family: string; revision: number; size?: "sm" | "md" };

/** Deregister one revision as a recorded plan, after a confirmation naming it. */
export function DeregisterButton({ size = "md", ...props }: Props) {
  const [state, action] = useActionState(deregisterTaskDefinitionAction, initialState);
  const name = `${props.family}:${props.revision}`;
  return (
    <div className="flex items-center justify-end gap-2">
      {state.message && <Alert tone="error" className="py-1">{state.message}</Alert>}
      <ReviewedConfirmDialog
        triggerLabel={size === "sm" ? "Deregister" : `Deregister ${name}`}
        triggerProps={{ variant: "danger", size, "aria-label": `Deregister ${name}` }}
        tone="danger"
        title={`Deregister ${name}?`}
        description="The revision becomes INACTIVE: services and tasks already using it keep running, but no new task or service can start from it. This cannot be undone."
        confirmLabel="Deregister"
        fields={props}
        preview={previewDeregisterTaskDefinitionAction}
        formAction={action}
      />
    </div>
  );
}
