"use client";

import { useActionState, useState } from "react";
import { LeftoverGroups } from "@/components/ecs/services/leftover-groups";
import { Alert } from "@/components/ui/alert";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { deleteServiceAction, previewDeleteServiceAction } from "@/lib/ecs/services/actions";
import type { Leftovers } from "@/lib/ecs/services/leftovers";

type Props = { connectionId: string; region: string; cluster: string; serviceName: string; desired: number };

/**
 * Teardown as a recorded plan (scale to 0, delete, and what the service leaves behind as chosen
 * per group), after the plan is shown and the service name typed.
 */
export function DeleteServiceButton({ desired, ...ids }: Props) {
  const [state, action] = useActionState(deleteServiceAction, initialState);
  const [leftovers, setLeftovers] = useState<Leftovers | null>(null);
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
            Portside scales <strong>{ids.serviceName}</strong> in cluster {ids.cluster} from {desired} to 0 tasks (ECS stops them), then deletes the service. Task definitions are kept.
          </>
        }
        confirmLabel="Delete service"
        requireText={ids.serviceName}
        fields={ids}
        preview={previewDeleteServiceAction}
        onReview={(data) => setLeftovers((data as { leftovers?: Leftovers }).leftovers ?? null)}
        formAction={action}
      >
        <LeftoverGroups leftovers={leftovers} />
      </ReviewedConfirmDialog>
    </div>
  );
}
