"use server";

import { redirect } from "next/navigation";
import { recordAccountEvent } from "@/lib/core/audit/account-events";
import { verifyPasswordOrDummy } from "@/lib/core/auth/password";
import { createSession, destroySession, readSession } from "@/lib/core/auth/session";
import { UnauthenticatedError } from "@/lib/core/errors";
import { FormFieldError, formDataToObject } from "@/lib/core/validation/form-data";
import { attemptFailed, attemptSucceeded, beginAttempt, throttleKeys, tooManyAttempts as tooMany } from "@/lib/core/auth/throttle";
import { db } from "@/lib/core/db/client";
import { safeRedirectPath } from "@/lib/core/security/redirect";
import { clientAddress } from "@/lib/core/security/request-info";
import { loginSchema } from "@/lib/core/auth/schema";
import { localLoginAllowed } from "@/lib/core/auth/oidc-config";
import { endPendingLogin, readPendingLogin, startPendingLogin } from "@/lib/core/auth/pending-login";
import { acceptTotp, useRecoveryCode } from "@/lib/core/auth/two-factor";
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
  // PORTSIDE_LOCAL_LOGIN=off: only the break-glass admins sign in with a password (after it was checked,
  // so this says nothing about accounts to someone without the password).
  if (!localLoginAllowed(process.env, user.role)) {
    await attemptSucceeded(keys);
    return { ok: false, message: "Sign in with SSO: password sign-in is for administrators only here.", values: { email } };
  }
  await attemptSucceeded(keys);
  const next = safeRedirectPath(form.get("next"));
  if (user.totpEnabledAt) {
    await startPendingLogin(user.id, next);
    redirect("/login/code");
  }
  await createSession(user.id);
  redirect(next);
}

const WRONG_CODE = "This code is not right, or was used already. Enter the current code from your app, or a recovery code.";

/**
 * The second step of a sign-in with two-factor on: a code from the authenticator app, or one of
 * the recovery codes. Guesses count against the same throttle as passwords (account and address).
 */
export async function secondFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const pending = await readPendingLogin();
  // Like every action: without a pending sign-in (or a session) nothing of the body is read.
  if (!pending && !(await readSession())) return { ok: false, message: new UnauthenticatedError().message };
  try {
    formDataToObject(form);
  } catch (error) {
    if (error instanceof FormFieldError) return { ok: false, message: error.message };
    throw error;
  }
  if (!pending) redirect("/");
  const code = String(form.get("code") ?? "").slice(0, 64);
  if (!code.trim()) return { ok: false, fieldErrors: { code: ["Enter the 6-digit code from your authenticator app, or a recovery code."] } };
  const keys = throttleKeys(pending.email, await clientAddress());
  const attempt = await beginAttempt(keys);
  if (!attempt.allowed) return { ok: false, message: tooMany(attempt.lockedUntil) };
  const byApp = /^[\d\s]+$/.test(code) && (await acceptTotp(pending.userId, code));
  const byRecovery = !byApp && (await useRecoveryCode(pending.userId, code));
  if (!byApp && !byRecovery) {
    const { lockedUntil } = await attemptFailed(keys);
    return lockedUntil ? { ok: false, message: tooMany(lockedUntil) } : { ok: false, fieldErrors: { code: [WRONG_CODE] } };
  }
  await attemptSucceeded(keys);
  if (byRecovery) await recordAccountEvent({ actor: { id: pending.userId, email: pending.email }, action: "user.2fa.recovery", target: pending.email });
  await endPendingLogin(pending.id);
  await createSession(pending.userId);
  redirect(pending.next);
}

export async function logoutAction(): Promise<void> {
  await destroySession();
  redirect("/login");
}
