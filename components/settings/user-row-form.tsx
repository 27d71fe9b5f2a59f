"use client";

import { useActionState } from "react";
import { Select } from "@/components/ui/input";
import { SubmitButton } from "@/components/wizard/submit-button";
import { initialState } from "@/lib/core/actions/state";
import { updateUserAction } from "@/lib/core/auth/user-actions";
import { ROLES } from "@/lib/core/auth/roles";

export function UserRowForm({ user }: { user: { id: string; email: string; role: string; disabled: boolean } }) {
  const [state, action] = useActionState(updateUserAction, initialState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
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
      <SubmitButton size="sm" variant="secondary">Save</SubmitButton>
      {state.message && <span role="status" className={state.ok ? "text-xs text-green-700" : "text-xs text-red-700"}>{state.message}</span>}
    </form>
  );
}
