"use server";

import { revalidatePath } from "next/cache";
import QRCode from "qrcode";
import { z } from "zod";
import { recordAccountEvent } from "@/lib/core/audit/account-events";
import { db } from "@/lib/core/db/client";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import { seal } from "@/lib/core/security/secret-box";
import { resetTwoFactorSchema, totpCodeSchema } from "@/lib/core/auth/schema";
import { clearTwoFactor, acceptTotp, replaceRecoveryCodes } from "@/lib/core/auth/two-factor";
import { newTotpSecret, totpUri } from "@/lib/core/auth/totp";
import { defineAction, type ActionState } from "../actions/action";

async function localAccount(userId: string) {
  const account = await db().user.findUnique({ where: { id: userId } });
  if (!account) throw new NotFoundError("Your account");
  if (account.oidcSubject) throw new ConflictError("You sign in with single sign-on: your identity provider asks for the second factor.");
  return account;
}

/** Step 1 of enrolment: a new secret (not on yet), shown as a QR code and as text. */
export const startTotpAction = defineAction({
  role: "viewer",
  fresh: true,
  does: "set up two-factor sign-in",
  schema: z.object({}),
  run: async (_input, { user }): Promise<ActionState> => {
    const account = await localAccount(user.id);
    if (account.totpEnabledAt) throw new ConflictError("Two-factor sign-in is on already; turn it off first to set up another app.");
    const secret = newTotpSecret();
    await db().user.update({ where: { id: user.id }, data: { totpSecret: seal(secret), totpLastStep: null } });
    const qr = await QRCode.toDataURL(totpUri(secret, account.email), { margin: 1, width: 192 });
    return { ok: true, data: { secret, qr } };
  },
});

/** Step 2: a code from the app proves it has the secret; two-factor is on and 10 recovery codes are shown once. */
export const confirmTotpAction = defineAction({
  role: "viewer",
  fresh: true,
  does: "set up two-factor sign-in",
  schema: totpCodeSchema,
  run: async ({ code }, { user }): Promise<ActionState> => {
    await localAccount(user.id);
    if (!(await acceptTotp(user.id, code, Date.now(), true))) {
      return { ok: false, fieldErrors: { code: ["This code is not right. Check the time on your phone and enter the code it shows now."] } };
    }
    await db().user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
    const recoveryCodes = await replaceRecoveryCodes(user.id);
    await recordAccountEvent({ actor: user, action: "user.2fa.enable", target: user.email });
    revalidatePath("/settings/account");
    return { ok: true, message: "Two-factor sign-in is on.", data: { recoveryCodes } };
  },
});

/** Turning it off needs the password entered lately (fresh), like other sensitive changes. */
export const disableTotpAction = defineAction({
  role: "viewer",
  fresh: true,
  does: "turn off two-factor sign-in",
  schema: z.object({}),
  run: async (_input, { user }): Promise<ActionState> => {
    await localAccount(user.id);
    await clearTwoFactor(user.id);
    await recordAccountEvent({ actor: user, action: "user.2fa.disable", target: user.email });
    revalidatePath("/settings/account");
    return { ok: true, message: "Two-factor sign-in is off." };
  },
});

/** An admin resets another user's two-factor (lost phone and codes); the user signs in with the password alone, then enrols again. */
export const resetTwoFactorAction = defineAction({
  role: "admin",
  fresh: true,
  does: "manage users",
  schema: resetTwoFactorSchema,
  run: async ({ userId }, { user }): Promise<ActionState> => {
    const target = await db().user.findUnique({ where: { id: userId } });
    if (!target) throw new NotFoundError("That user");
    if (!target.totpEnabledAt && !target.totpSecret) return { ok: true, message: `${target.email} has no two-factor sign-in.` };
    await clearTwoFactor(target.id);
    await recordAccountEvent({ actor: user, action: "user.2fa.reset", target: target.email });
    revalidatePath("/settings/users");
    return { ok: true, message: `Reset two-factor sign-in of ${target.email}.` };
  },
});
