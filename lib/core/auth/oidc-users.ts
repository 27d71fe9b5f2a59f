import "server-only";
import { randomBytes } from "node:crypto";
import { recordAccountEvent } from "@/lib/core/audit/account-events";
import { db } from "@/lib/core/db/client";
import { roleFromClaim, type OidcConfig } from "./oidc-config";
import type { SsoProblem } from "./sso-messages";

/** The password hash of accounts created by SSO: not a scrypt hash, so no password ever matches. */
export const SSO_PASSWORD_HASH = "sso$no-password";

export type SsoOutcome = { ok: true; userId: string } | { ok: false; message: SsoProblem };

const NO_ROLE = "norole";
const NO_EMAIL = "noemail";
const TAKEN = "taken";
const DISABLED = "disabled";

/**
 * The Portside user for verified OIDC claims: created just in time on the first sign-in, its
 * role set from the role claim at every sign-in (an IdP demotion applies at the next one).
 * Creation and role changes land in the audit history like an admin's user changes.
 */
export async function userFromClaims(config: OidcConfig, claims: Record<string, unknown>): Promise<SsoOutcome> {
  const sub = typeof claims.sub === "string" && claims.sub.length <= 255 ? claims.sub : null;
  if (!sub) return { ok: false, message: NO_EMAIL };
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  const verified = claims.email_verified === true || !config.requireVerifiedEmail;
  const role = roleFromClaim(config.roleMap, claims[config.roleClaim]);
  const existing = await db().user.findUnique({ where: { oidcSubject: sub } });
  if (existing) {
    if (existing.disabled) return { ok: false, message: DISABLED };
    if (!role) return { ok: false, message: NO_ROLE };
    if (existing.role !== role) {
      await db().user.update({ where: { id: existing.id }, data: { role } });
      await recordAccountEvent({
        actor: { id: existing.id, email: existing.email },
        action: "user.update",
        target: existing.email,
        detail: { role: [existing.role, role], via: "single sign-on", claim: config.roleClaim },
      });
    }
    return { ok: true, userId: existing.id };
  }
  if (!email || email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email) || !verified) return { ok: false, message: NO_EMAIL };
  if (!role) return { ok: false, message: NO_ROLE };
  if (await db().user.findUnique({ where: { email } })) return { ok: false, message: TAKEN };
  const name = (typeof claims.name === "string" && claims.name.trim().slice(0, 100)) || email;
  const created = await db().user.create({
    data: { email, name, role, oidcSubject: sub, passwordHash: `${SSO_PASSWORD_HASH}$${randomBytes(8).toString("hex")}` },
  });
  await recordAccountEvent({
    actor: { id: created.id, email },
    action: "user.create",
    target: email,
    detail: { role, via: "single sign-on", claim: config.roleClaim },
  });
  return { ok: true, userId: created.id };
}
