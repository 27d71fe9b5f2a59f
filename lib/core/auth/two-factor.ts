import "server-only";
import { db } from "@/lib/core/db/client";
import { open } from "@/lib/core/security/secret-box";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { totpStep } from "./totp";

/**
 * Checks a TOTP code for the user and, if right, records its step in the same UPDATE that
 * checks the step is newer than the last accepted one: two requests with the same code cannot
 * both pass. `pending`: check against a secret not yet confirmed (enrolment).
 */
export async function acceptTotp(userId: string, input: string, now = Date.now(), pending = false): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user?.totpSecret || (pending ? user.totpEnabledAt !== null : user.totpEnabledAt === null)) return false;
  const step = totpStep(open(user.totpSecret), input, now);
  if (step === null) return false;
  const { count } = await db().user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/** Uses a recovery code: true once per code, false afterwards and for any other text. */
export async function useRecoveryCode(userId: string, input: string): Promise<boolean> {
  const codeHash = hashRecoveryCode(input);
  if (!codeHash) return false;
  const { count } = await db().recoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: new Date() } });
  return count === 1;
}

/** Replaces the user's recovery codes with 10 new ones and returns them (to show once). */
export async function replaceRecoveryCodes(userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db().$transaction([
    db().recoveryCode.deleteMany({ where: { userId } }),
    db().recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c)! })) }),
  ]);
  return codes;
}

export async function recoveryCodesLeft(userId: string): Promise<number> {
  return db().recoveryCode.count({ where: { userId, usedAt: null } });
}

/** Turns two-factor sign-in off for the user: secret, step and codes gone. */
export async function clearTwoFactor(userId: string): Promise<void> {
  await db().$transaction([
    db().user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } }),
    db().recoveryCode.deleteMany({ where: { userId } }),
  ]);
}
