"use client";

import { useActionState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { initialState } from "@/lib/core/actions/state";
import { resetPasswordAction } from "@/lib/core/auth/password-actions";
import { ReauthPrompt } from "@/components/account/reauth-prompt";

const HINT = "Leave empty and Portside generates one, shown to you once.";

/** Per user row: a new password, typed by the admin or generated, and every session of that user ended. */
export function ResetPasswordDialog({ user }: { user: { id: string; email: string } }) {
  const [state, action] = useActionState(resetPasswordAction, initialState);
  const error = state.fieldErrors?.newPassword;
  const fieldId = `reset-password-${user.id}`;
  const generated = typeof state.data?.password === "string" ? state.data.password : null;
  return (
    <div className="flex flex-col items-start gap-1">
      <ReauthPrompt state={state} />
      <ConfirmDialog
        triggerLabel="Reset password"
        triggerProps={{ size: "sm", variant: "secondary", "aria-label": `Reset password of ${user.email}` }}
        title={`Reset the password of ${user.email}?`}
        description="Their current password stops working and they are signed out everywhere."
        confirmLabel="Reset password"
        tone="danger"
        formAction={action}
      >
        <input type="hidden" name="userId" value={user.id} />
        <Field label={`New password for ${user.email}`} htmlFor={fieldId} error={error} hint={HINT}>
          <Input id={fieldId} name="newPassword" type="password" autoComplete="new-password" {...fieldAria(fieldId, error, HINT)} />
        </Field>
      </ConfirmDialog>
      {state.message && (
        <div role={state.ok ? "status" : "alert"} className={state.ok ? "max-w-64 text-xs text-green-700" : "max-w-64 text-xs text-red-700"}>
          <p>{state.message}</p>
          {error && <p>{error.join(" ")}</p>}
          {generated && (
            <p className="mt-1 text-ink">
              New password, shown only now — copy it and share it privately:{" "}
              <code className="rounded bg-line-subtle px-1 font-mono select-all" aria-label={`Generated password for ${user.email}`}>{generated}</code>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
