"use client";

import { useActionState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { deleteChannelAction } from "@/lib/notifications/actions";

/** Deleting a channel also drops its subscriptions and delivery log: asked first. */
export function DeleteChannelButton({ id, name }: { id: string; name: string }) {
  const [state, dispatch] = useActionState(deleteChannelAction, initialState);
  return (
    <span className="inline-flex items-center gap-2">
      <ConfirmDialog
        triggerLabel="Delete"
        triggerProps={{ size: "sm", "aria-label": `Delete ${name}` }}
        title={`Delete channel ${name}?`}
        description="Its subscriptions and its delivery log are deleted with it. Nothing in AWS changes."
        confirmLabel="Delete channel"
        tone="danger"
        formAction={dispatch}
      >
        <input type="hidden" name="id" value={id} />
      </ConfirmDialog>
      {state.message && !state.ok && <span role="status" className="text-xs text-red-700">{state.message}</span>}
    </span>
  );
}
