"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/wizard/submit-button";
import { initialState } from "@/lib/core/actions/state";
import { changePasswordAction } from "@/lib/core/auth/password-actions";

const NEW_HINT = "At least 12 characters and hard to guess: a few unrelated words work well. Not your name or e-mail.";

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, initialState);
  const e = state.fieldErrors ?? {};
  return (
    // Passwords are never echoed back: after an error the fields start empty.
    <form action={action} noValidate className="max-w-md space-y-4">
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <Field label="Current password" htmlFor="current-password" error={e.currentPassword}>
        <Input id="current-password" name="currentPassword" type="password" autoComplete="current-password" {...fieldAria("current-password", e.currentPassword)} />
      </Field>
      <Field label="New password" htmlFor="new-password" error={e.newPassword} hint={NEW_HINT}>
        <Input id="new-password" name="newPassword" type="password" autoComplete="new-password" {...fieldAria("new-password", e.newPassword, NEW_HINT)} />
      </Field>
      <Field label="New password again" htmlFor="confirm-password" error={e.confirmPassword}>
        <Input id="confirm-password" name="confirmPassword" type="password" autoComplete="new-password" {...fieldAria("confirm-password", e.confirmPassword)} />
      </Field>
      <SubmitButton>Change password</SubmitButton>
    </form>
  );
}
