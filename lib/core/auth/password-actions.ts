"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAccountEvent } from "@/lib/core/audit/account-events";
import { generatePassword, hashPassword, verifyPassword } from "@/lib/core/auth/password";
import { passwordWeakness } from "@/lib/core/auth/password-policy";
import { endAllSessions, endOtherSessions, markSessionVerified } from "@/lib/core/auth/session";
import { attemptFailed, attemptSucceeded, beginAttempt, throttleKeys, tooManyAttempts } from "@/lib/core/auth/throttle";
import { db } from "@/lib/core/db/client";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import { plural } from "@/lib/core/format/plural";
import { clientAddress } from "@/lib/core/security/request-info";
import { changePasswordSchema, resetPasswordSchema } from "@/lib/core/auth/schema";
import { defineAction, type ActionState } from "../actions/action";

/**
 * Checks the signed-in person's own password. It is the sign-in secret, so guesses count toward
 * the sign-in lockout and a stolen session cannot try passwords without limit. Returns the field
 * error to show, or null when the password is right.
 */
async function ownPasswordProblem(account: { email: string; passwordHash: string }, password: string, wrong: string): Promise<string | null> {
  const keys = throttleKeys(account.email, await clientAddress());
  const attempt = await beginAttempt(keys);
  if (!attempt.allowed) return tooManyAttempts(attempt.lockedUntil);
  if (!(await verifyPassword(password, account.passwordHash))) {
    const { lockedUntil } = await attemptFailed(keys);
    return lockedUntil ? tooManyAttempts(lockedUntil) : wrong;
  }
  await attemptSucceeded(keys);
  return null;
}

export const changePasswordAction = defineAction({
  role: "viewer",
  does: "change your password",
  schema: changePasswordSchema,
  run: async (input, { user }): Promise<ActionState> => {
    const account = await db().user.findUnique({ where: { id: user.id } });
    if (!account) throw new NotFoundError("Your account");
    const problem = await ownPasswordProblem(account, input.currentPassword, "This is not your current password.");
    if (problem) return { ok: false, fieldErrors: { currentPassword: [problem] } };
    const weakness = await passwordWeakness(input.newPassword, account);
    if (weakness) return { ok: false, fieldErrors: { newPassword: [weakness] } };
    await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
    // Whoever knew the old password and signed in with it elsewhere is signed out; this browser stays.
    const ended = await endOtherSessions(user.id);
    await recordAccountEvent({ actor: user, action: "user.password.change", target: user.email, detail: { endedSessions: ended } });
    revalidatePath("/settings/users");
    const others = ended === 0 ? "" : ` Signed out ${plural(ended, "other session")}.`;
    return { ok: true, message: `Your password is changed.${others}` };
  },
});

export const resetPasswordAction = defineAction({
  role: "admin",
  fresh: true,
  does: "manage users",
  schema: resetPasswordSchema,
  run: async (input, { user }): Promise<ActionState> => {
    if (input.userId === user.id) throw new ConflictError("To change your own password, use Account in the sidebar.");
    const target = await db().user.findUnique({ where: { id: input.userId } });
    if (!target) throw new NotFoundError("That user");
    const generated = input.newPassword === undefined;
    const password = input.newPassword ?? generatePassword();
    if (!generated) {
      const weakness = await passwordWeakness(password, target);
      if (weakness) return { ok: false, message: `The password of ${target.email} is unchanged.`, fieldErrors: { newPassword: [weakness] } };
    }
    await db().user.update({ where: { id: target.id }, data: { passwordHash: await hashPassword(password) } });
    const ended = await endAllSessions(target.id);
    await recordAccountEvent({ actor: user, action: "user.password.reset", target: target.email, detail: { generated, endedSessions: ended } });
    revalidatePath("/settings/users");
    return {
      ok: true,
      message: `Reset the password of ${target.email} and signed them out everywhere.`,
      // Shown once, to the admin who reset it; never stored or logged in clear.
      data: generated ? { password } : undefined,
    };
  },
});

/**
 * The password entered again before a sensitive change (recent-auth.ts). Guesses count toward the
 * sign-in lockout, as on the Account page.
 */
export const confirmPasswordAction = defineAction({
  role: "viewer",
  does: "confirm your password",
  schema: z.object({ password: z.string().min(1, "Enter your password.").max(1024) }),
  run: async ({ password }, { user }): Promise<ActionState> => {
    const account = await db().user.findUnique({ where: { id: user.id } });
    if (!account) throw new NotFoundError("Your account");
    const problem = await ownPasswordProblem(account, password, "This is not your password.");
    if (problem) return { ok: false, fieldErrors: { password: [problem] } };
    await markSessionVerified();
    return { ok: true, message: "Password confirmed." };
  },
});
