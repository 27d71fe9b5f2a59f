"use server";

import { redirect } from "next/navigation";
import { verifyPassword } from "@/lib/auth/password";
import { createSession, destroySession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { safeRedirectPath } from "@/lib/security/redirect";
import { loginSchema } from "@/lib/validation/auth";
import { fieldErrorsOf } from "./action";
import type { ActionState } from "./action-state";

// Login is the one action without a session; it is still validated by its schema.
export async function loginAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const parsed = loginSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  const email = String(form.get("email") ?? "");
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: { email } };
  const user = await db().user.findUnique({ where: { email: parsed.data.email } });
  // Same message for unknown email and wrong password: no account enumeration.
  const valid = user && !user.disabled && (await verifyPassword(parsed.data.password, user.passwordHash));
  if (!valid) return { ok: false, message: "Email or password is incorrect.", values: { email } };
  await createSession(user.id);
  redirect(safeRedirectPath(form.get("next")));
}

export async function logoutAction(): Promise<void> {
  await destroySession();
  redirect("/login");
}
