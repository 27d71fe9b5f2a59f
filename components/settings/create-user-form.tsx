"use client";

import { useActionState, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { initialState } from "@/lib/core/actions/state";
import { createUserAction } from "@/lib/core/auth/user-actions";
import { ROLE_DESCRIPTIONS, ROLES } from "@/lib/core/auth/roles";
import { ReauthPrompt } from "@/components/account/reauth-prompt";
import { keepValuesSubmit } from "@/components/forms/keep-values-submit";

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, initialState);
  const formRef = useRef<HTMLFormElement>(null);
  const e = state.fieldErrors ?? {};
  const v = (k: string) => (state.ok ? "" : String(state.values?.[k] ?? ""));
  return (
    <>
      {/* Submitted without React's form reset, so a password prompt can send the same values again. */}
      <form ref={formRef} onSubmit={keepValuesSubmit(action)} noValidate className="space-y-4" key={state.ok ? String(Date.now()) : "form"}>
        {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="Name" htmlFor="new-name" error={e.name}><Input id="new-name" name="name" defaultValue={v("name")} {...fieldAria("new-name", e.name)} /></Field>
          <Field label="Email" htmlFor="new-email" error={e.email}><Input id="new-email" name="email" type="email" defaultValue={v("email")} {...fieldAria("new-email", e.email)} /></Field>
          <Field label="Role" htmlFor="new-role" error={e.role}>
            <Select id="new-role" name="role" defaultValue={v("role") || "viewer"}>
              {ROLES.map((r) => <option key={r} value={r}>{r} — {ROLE_DESCRIPTIONS[r]}</option>)}
            </Select>
          </Field>
          <Field label="Initial password" htmlFor="new-password" error={e.password} hint="At least 12 characters, hard to guess, not their name or e-mail. Share it privately.">
            <Input id="new-password" name="password" type="password" autoComplete="new-password" {...fieldAria("new-password", e.password)} />
          </Field>
        </div>
        <Button type="submit" variant="primary" pending={pending}>Create user</Button>
      </form>
      {/* Outside the form: its own form's submit must not bubble into this one (portals bubble in React). */}
      <ReauthPrompt state={state} retry={() => formRef.current?.requestSubmit()} />
    </>
  );
}
