"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { deleteEventRuleAction, previewDeleteEventRuleAction } from "@/lib/ecs/event-tasks/actions";

type Props = { connectionId: string; region: string; cluster: string; ruleName: string };

/** Delete a rule (its targets first) as a recorded plan; tasks it already started keep running. */
export function DeleteEventRuleButton(props: Props) {
  const [state, action] = useActionState(deleteEventRuleAction, initialState);
  return (
    <div className="flex items-center justify-end gap-2">
      {state.message && <Alert tone="error" className="py-1">{state.message}</Alert>}
      <ReviewedConfirmDialog
        triggerLabel="Delete"
        triggerProps={{ variant: "secondary", size: "sm", "aria-label": `Delete rule ${props.ruleName}` }}
        tone="danger"
        title={`Delete rule ${props.ruleName}?`}
        description="Events stop starting tasks. Tasks already running keep running; the bucket keeps sending its events to EventBridge, and the task definition and role stay."
        confirmLabel="Delete rule"
        fields={props}
        preview={previewDeleteEventRuleAction}
        formAction={action}
      />
    </div>
  );
}
