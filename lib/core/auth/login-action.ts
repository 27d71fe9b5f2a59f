"use server";

import { redirect } from "next/navigation";
import { recordAccountEvent } from "@/lib/core/audit/account-events";
import { verifyPasswordOrDummy } from "@/lib/core/auth/password";
import { createSession, destroySession } from "@/lib/core/auth/session";
import { attemptFailed, attemptSucceeded, beginAttempt, throttleKeys, tooManyAttempts as tooMany } from "@/lib/core/auth/throttle";
import { db } from "@/lib/core/db/client";
import { safeRedirectPath } from "@/lib/core/security/redirect";
import { clientAddress } from "@/lib/core/security/request-info";
import { loginSchema } from "@/lib/core/auth/schema";
import { fieldErrorsOf } from "../actions/action";
import type { ActionState } from "../actions/state";

const INCORRECT = "Email or password is incorrect.";

// Login is the one action without a session; it is still validated by its schema.
export async function loginAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  // Only these two fields are read, as strings: a missing one is an empty field, not a type error.
  const email = String(form.get("email") ?? "");
  const parsed = loginSchema.safeParse({ email, password: String(form.get("password") ?? "") });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: { email } };
  const keys = throttleKeys(parsed.data.email, await clientAddress());
  // Before the password is looked at: while locked, a right password is refused like a wrong one.
  const attempt = await beginAttempt(keys);
  if (!attempt.allowed) return { ok: false, message: tooMany(attempt.lockedUntil), values: { email } };
  const user = await db().user.findUnique({ where: { email: parsed.data.email } });
  // Same work and same message for an unknown e-mail, a disabled account and a wrong password.
  const valid = await verifyPasswordOrDummy(parsed.data.password, user && !user.disabled ? user.passwordHash : null);
  if (!user || !valid) {
    const { newlyLocked, lockedUntil } = await attemptFailed(keys);
    for (const key of newlyLocked) {
      const [kind, target] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
      await recordAccountEvent({ actor: null, action: "login.locked", target, detail: { kind, until: lockedUntil?.toISOString() ?? null } });
    }
    return { ok: false, message: lockedUntil ? tooMany(lockedUntil) : INCORRECT, values: { email } };
  }
  await attemptSucceeded(keys);
  await createSession(user.id);
  redirect(safeRedirectPath(form.get("next")));
}

export async function logoutAction(): Promise<void> {
  await destroySession();
  redirect("/login");
}
