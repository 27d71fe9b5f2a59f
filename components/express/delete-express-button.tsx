"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { deleteExpressAction, previewDeleteExpressAction } from "@/lib/express/actions";

type Props = { connectionId: string; region: string; serviceArn: string; serviceName: string; cluster: string };

/** Delete as a recorded plan, after the service name is typed. */
export function DeleteExpressButton(props: Props) {
  const [state, action] = useActionState(deleteExpressAction, initialState);
  return (
    <div className="flex items-center gap-2">
      {state.message && <Alert tone="error" className="py-1">{state.message}</Alert>}
      <ReviewedConfirmDialog
        triggerLabel="Delete"
        triggerProps={{ variant: "danger" }}
        tone="danger"
        title={`Delete Express service ${props.serviceName}?`}
        description="AWS deletes the ECS service and the load balancer, target groups, security groups and scaling Express Mode created for it. Its URL stops answering. The IAM roles stay."
        confirmLabel="Delete service"
        requireText={props.serviceName}
        fields={props}
        preview={previewDeleteExpressAction}
        formAction={action}
      />
    </div>
  );
}
