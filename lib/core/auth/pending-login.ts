import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { db } from "@/lib/core/db/client";
import { requestIsHttps } from "@/lib/core/security/request-info";

/**
 * Between a right password and the second factor: a random token in an HttpOnly cookie, its
 * sha256 in PendingLogin for 5 minutes. It grants nothing but the chance to enter a code.
 */
export const PENDING_COOKIE = "portside_pending_login";
export const PENDING_MS = 5 * 60_000;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function startPendingLogin(userId: string, next: string): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + PENDING_MS);
  // One pending sign-in per user at a time; expired ones of anybody are swept on the way.
  await db().pendingLogin.deleteMany({ where: { OR: [{ userId }, { expiresAt: { lt: new Date() } }] } });
  await db().pendingLogin.create({ data: { tokenHash: hash(token), userId, next, expiresAt } });
  (await cookies()).set(PENDING_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: await requestIsHttps(), path: "/", expires: expiresAt });
}

export type PendingLogin = { id: string; userId: string; email: string; next: string };

/** The pending sign-in of this browser, or null when there is none or it expired. */
export async function readPendingLogin(): Promise<PendingLogin | null> {
  const token = (await cookies()).get(PENDING_COOKIE)?.value;
  if (!token || token.length > 100) return null;
  const row = await db().pendingLogin.findUnique({ where: { tokenHash: hash(token) }, include: { user: true } });
  if (!row || row.expiresAt < new Date() || row.user.disabled) return null;
  return { id: row.id, userId: row.userId, email: row.user.email, next: row.next };
}

export async function endPendingLogin(id: string): Promise<void> {
  await db().pendingLogin.deleteMany({ where: { id } });
  (await cookies()).delete(PENDING_COOKIE);
}
