"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { deleteScheduleAction, previewDeleteScheduleAction } from "@/lib/ecs/scheduled-tasks/actions";

type Props = { connectionId: string; region: string; cluster: string; scheduleName: string; groupName: string };

/** Delete a schedule as a recorded plan; tasks it already started keep running. */
export function DeleteScheduleButton(props: Props) {
  const [state, action] = useActionState(deleteScheduleAction, initialState);
  return (
    <div className="flex items-center justify-end gap-2">
      {state.message && <Alert tone="error" className="py-1">{state.message}</Alert>}
      <ReviewedConfirmDialog
        triggerLabel="Delete"
        triggerProps={{ variant: "secondary", size: "sm", "aria-label": `Delete schedule ${props.scheduleName}` }}
        tone="danger"
        title={`Delete schedule ${props.scheduleName}?`}
        description="The task stops being started on this schedule. Tasks already running keep running; the task definition and role stay."
        confirmLabel="Delete schedule"
        fields={props}
        preview={previewDeleteScheduleAction}
        formAction={action}
      />
    </div>
  );
}
