"use client";

import { useActionState } from "react";
import { ReauthPrompt } from "@/components/account/reauth-prompt";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { resetTwoFactorAction } from "@/lib/core/auth/two-factor-actions";

/** Per user row with two-factor on: an admin turns it off for someone who lost their phone and codes. */
export function ResetTwoFactorButton({ user }: { user: { id: string; email: string } }) {
  const [state, action] = useActionState(resetTwoFactorAction, initialState);
  return (
    <div className="flex flex-col items-start gap-1">
      <ReauthPrompt state={state} />
      <ConfirmDialog
        triggerLabel="Reset 2FA"
        triggerProps={{ size: "sm", variant: "secondary", "aria-label": `Reset two-factor sign-in of ${user.email}` }}
        title={`Reset two-factor sign-in of ${user.email}?`}
        description="Their authenticator app and recovery codes stop working; their password alone signs them in until they set it up again."
        confirmLabel="Reset 2FA"
        tone="danger"
        formAction={action}
      >
        <input type="hidden" name="userId" value={user.id} />
      </ConfirmDialog>
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "max-w-64 text-xs text-green-700" : "max-w-64 text-xs text-red-700"}>{state.message}</p>
      )}
    </div>
  );
}
