"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { deleteTaskAlertAction, previewDeleteTaskAlertAction } from "@/lib/ecs/task-alerts/actions";

type Props = { connectionId: string; region: string; cluster: string; ruleName: string };

/** Delete an alert's rule (its target first) as a recorded plan; the topic and its subscriptions stay. */
export function DeleteAlertButton(props: Props) {
  const [state, action] = useActionState(deleteTaskAlertAction, initialState);
  return (
    <div className="flex items-center justify-end gap-2">
      {state.message && <Alert tone="error" className="py-1">{state.message}</Alert>}
      <ReviewedConfirmDialog
        triggerLabel="Delete"
        triggerProps={{ variant: "secondary", size: "sm", "aria-label": `Delete alert ${props.ruleName}` }}
        tone="danger"
        title={`Delete alert ${props.ruleName}?`}
        description="Stopped tasks are no longer mailed. The SNS topic and its subscriptions stay (other rules may publish to them)."
        confirmLabel="Delete alert"
        fields={props}
        preview={previewDeleteTaskAlertAction}
        formAction={action}
      />
    </div>
  );
}
