import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/core/db/client";
import { requestIsHttps } from "@/lib/core/security/request-info";
import type { RoleName } from "./roles";

export const SESSION_COOKIE = "portside_session";
const SESSION_DAYS = 7;

export type SessionUser = { id: string; email: string; name: string; role: RoleName };

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(userId: string): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db().session.create({ data: { tokenHash: hashToken(token), userId, expiresAt } });
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await requestIsHttps(),
    path: "/",
    expires: expiresAt,
  });
}

/**
 * The signed-in user, or null. Expired sessions and disabled users count as signed out.
 * Cached per request: the layout and the page both ask, Postgres is asked once.
 */
export const readSession = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const session = await db().session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true },
  });
  if (!session || session.expiresAt < new Date() || session.user.disabled) return null;
  const { id, email, name, role } = session.user;
  return { id, email, name, role };
});

/** Signs the user out everywhere but here (after they changed their own password). */
export async function endOtherSessions(userId: string): Promise<number> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const keep = token ? hashToken(token) : "";
  const { count } = await db().session.deleteMany({ where: { userId, NOT: { tokenHash: keep } } });
  return count;
}

/** Signs the user out everywhere (after an admin reset their password or disabled them). */
export async function endAllSessions(userId: string): Promise<number> {
  const { count } = await db().session.deleteMany({ where: { userId } });
  return count;
}

export async function destroySession(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) await db().session.deleteMany({ where: { tokenHash: hashToken(token) } });
  jar.delete(SESSION_COOKIE);
}
