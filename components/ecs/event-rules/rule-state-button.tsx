"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { previewSetRuleStateAction, setRuleStateAction } from "@/lib/ecs/event-rules/actions";

type Props = { connectionId: string; region: string; ruleName: string; enabled: boolean };

/** Enable or disable a rule as a reviewed plan (EnableRule / DisableRule). */
export function RuleStateButton({ enabled, ...props }: Props) {
  const [state, action] = useActionState(setRuleStateAction, initialState);
  const verb = enabled ? "Disable" : "Enable";
  return (
    <div className="flex items-center justify-end gap-2">
      {state.message && <Alert tone="error" className="py-1">{state.message}</Alert>}
      <ReviewedConfirmDialog
        triggerLabel={verb}
        triggerProps={{ variant: "secondary", size: "sm", "aria-label": `${verb} rule ${props.ruleName}` }}
        tone={enabled ? "danger" : "primary"}
        title={`${verb} rule ${props.ruleName}?`}
        description={enabled ? "Matching events run nothing until the rule is enabled again; events in between are not replayed." : "Matching events run the rule's targets again from now on."}
        confirmLabel={`${verb} rule`}
        fields={{ ...props, state: enabled ? "DISABLED" : "ENABLED" }}
        preview={previewSetRuleStateAction}
        formAction={action}
      />
    </div>
  );
}
