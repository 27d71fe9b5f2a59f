import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/core/db/client";
import { clientAddress, requestIsHttps } from "@/lib/core/security/request-info";
import { oidcRecheckMs } from "./oidc";
import { recheckDue } from "./oidc-recheck";
import type { RoleName } from "./roles";
import { sessionEnded, sessionLimits } from "./session-limits";

export const SESSION_COOKIE = "portside_session";
/** lastSeenAt is written at most this often per session: enough for a 30-minute idle limit. */
const TOUCH_EVERY_MS = 60_000;

/** `sso`: the account signs in through the IdP (no password): it re-authenticates there. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: RoleName;
  verifiedAt: Date;
  sso?: boolean;
  /** An SSO session the IdP has not confirmed for PORTSIDE_OIDC_RECHECK_MINUTES: pages send it through the IdP, actions refuse. */
  idpCheckDue?: boolean;
};

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** `sso`: the IdP just confirmed this sign-in (the recheck clock starts). */
export async function createSession(userId: string, { sso = false }: { sso?: boolean } = {}): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + sessionLimits().maxMs);
  const userAgent = (await headers()).get("user-agent")?.slice(0, 512) ?? null;
  await db().session.create({ data: { tokenHash: hashToken(token), userId, expiresAt, userAgent, address: await clientAddress(), idpCheckedAt: sso ? new Date() : null } });
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await requestIsHttps(),
    path: "/",
    expires: expiresAt,
  });
}

/**
 * The signed-in user, or null. Sessions past their absolute end or idle too long
 * (session-limits.ts) are deleted and count as signed out, as do disabled users; the role is
 * read from the user every time, so a demotion applies at the next request.
 * Cached per request: the layout and the page both ask, Postgres is asked once.
 */
export const readSession = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const session = await db().session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true },
  });
  if (!session || session.user.disabled) return null;
  const now = new Date();
  if (sessionEnded(session, now, sessionLimits())) {
    await db().session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db().session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { id, email, name, role } = session.user;
  const sso = session.user.oidcSubject !== null;
  const idpCheckDue = sso && recheckDue(session.idpCheckedAt, now, oidcRecheckMs());
  return { id, email, name, role, verifiedAt: session.verifiedAt, sso, idpCheckDue };
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

/** The password was just entered again in this session: sensitive changes are allowed for a while. */
/** The IdP confirmed this SSO session again (a silent recheck). */
export async function markIdpChecked(): Promise<void> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (token) await db().session.updateMany({ where: { tokenHash: hashToken(token) }, data: { idpCheckedAt: new Date() } });
}

export async function markSessionVerified(): Promise<void> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (token) await db().session.updateMany({ where: { tokenHash: hashToken(token) }, data: { verifiedAt: new Date() } });
}

export type SessionView = { id: string; createdAt: Date; lastSeenAt: Date; userAgent: string | null; address: string | null; current: boolean };

/** The user's sessions that are still live, this one first. */
export async function listSessions(userId: string): Promise<SessionView[]> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const mine = token ? hashToken(token) : "";
  const now = new Date();
  const limits = sessionLimits();
  const rows = await db().session.findMany({ where: { userId, expiresAt: { gt: now } }, orderBy: { lastSeenAt: "desc" }, take: 100 });
  return rows
    .filter((s) => !sessionEnded(s, now, limits))
    .map((s) => ({ id: s.id, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, userAgent: s.userAgent, address: s.address, current: s.tokenHash === mine }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Ends one of the user's own sessions (never someone else's); false when there was none. */
export async function endOwnSession(userId: string, sessionId: string): Promise<boolean> {
  const { count } = await db().session.deleteMany({ where: { id: sessionId, userId } });
  return count > 0;
}

export async function destroySession(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) await db().session.deleteMany({ where: { tokenHash: hashToken(token) } });
  jar.delete(SESSION_COOKIE);
}
