"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { deleteRuleAction, previewDeleteRuleAction } from "@/lib/ecs/event-rules/actions";

type Props = { connectionId: string; region: string; ruleName: string };

/** Delete a rule (its targets first) as a reviewed plan; what it started keeps running. */
export function DeleteRuleButton(props: Props) {
  const [state, action] = useActionState(deleteRuleAction, initialState);
  return (
    <div className="flex items-center justify-end gap-2">
      {state.message && <Alert tone="error" className="py-1">{state.message}</Alert>}
      <ReviewedConfirmDialog
        triggerLabel="Delete"
        triggerProps={{ variant: "secondary", size: "sm", "aria-label": `Delete rule ${props.ruleName}` }}
        tone="danger"
        title={`Delete rule ${props.ruleName}?`}
        description="Matching events stop reaching its targets. Tasks already running keep running; topics, queues, roles and buckets stay."
        confirmLabel="Delete rule"
        fields={props}
        preview={previewDeleteRuleAction}
        formAction={action}
      />
    </div>
  );
}
