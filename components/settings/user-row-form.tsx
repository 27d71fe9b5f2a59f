"use client";

import { useActionState, useRef } from "react";
import { Select } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { initialState } from "@/lib/core/actions/state";
import { updateUserAction } from "@/lib/core/auth/user-actions";
import { ROLES } from "@/lib/core/auth/roles";
import { ReauthPrompt } from "@/components/account/reauth-prompt";
import { keepValuesSubmit } from "@/components/forms/keep-values-submit";

export function UserRowForm({ user }: { user: { id: string; email: string; role: string; disabled: boolean } }) {
  const [state, action, pending] = useActionState(updateUserAction, initialState);
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <>
      <form ref={formRef} onSubmit={keepValuesSubmit(action)} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <label className="sr-only" htmlFor={`role-${user.id}`}>Role of {user.email}</label>
        <Select id={`role-${user.id}`} name="role" defaultValue={user.role} className="w-32">
          {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
        </Select>
        <label className="sr-only" htmlFor={`state-${user.id}`}>Account state of {user.email}</label>
        <Select id={`state-${user.id}`} name="disabled" defaultValue={String(user.disabled)} className="w-28">
          <option value="false">Active</option>
          <option value="true">Disabled</option>
        </Select>
        <Button type="submit" size="sm" variant="secondary" pending={pending}>Save</Button>
        {state.message && <span role="status" className={state.ok ? "text-xs text-green-700" : "text-xs text-red-700"}>{state.message}</span>}
      </form>
      {/* Outside the form: its own form's submit must not bubble into this one (portals bubble in React). */}
      <ReauthPrompt state={state} retry={() => formRef.current?.requestSubmit()} />
    </>
  );
}
