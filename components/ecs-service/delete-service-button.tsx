"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/actions/action-state";
import { deleteServiceAction, previewDeleteServiceAction } from "@/lib/actions/ecs-service-actions";

type Props = { connectionId: string; region: string; cluster: string; serviceName: string; desired: number; loadBalanced: boolean };

/** Teardown as a recorded plan (scale to 0, delete), after the plan is shown and the service name typed. */
export function DeleteServiceButton({ desired, loadBalanced, ...ids }: Props) {
  const [state, action] = useActionState(deleteServiceAction, initialState);
  return (
    <div className="flex items-center gap-2">
      {state.message && <Alert tone="error" className="py-1">{state.message}</Alert>}
      <ReviewedConfirmDialog
        triggerLabel="Delete service"
        triggerProps={{ variant: "danger" }}
        tone="danger"
        title={`Delete service ${ids.serviceName}?`}
        description={
          <>
            Portside scales <strong>{ids.serviceName}</strong> in cluster {ids.cluster} from {desired} to 0 tasks (ECS stops them), then deletes the service.
            {loadBalanced ? " Its load balancer, listener and target group stay; delete them separately if nothing else uses them." : ""} Task definitions are kept.
          </>
        }
        confirmLabel="Delete service"
        requireText={ids.serviceName}
        fields={{ ...ids, confirmName: ids.serviceName }}
        preview={previewDeleteServiceAction}
        formAction={action}
      />
    </div>
  );
}
