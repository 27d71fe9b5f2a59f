import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ForbiddenError, IdpRecheckDueError, UnauthenticatedError } from "@/lib/core/errors";
import { safeRedirectPath } from "@/lib/core/security/redirect";
import { PATH_HEADER } from "@/lib/core/security/stamp-headers";
import { roleAllows, type RoleName } from "./roles";
import { readSession, type SessionUser } from "./session";

/** For pages: sends a signed-out visitor to the login page and a too-weak role to /forbidden. */
export async function requirePageUser(role: RoleName = "viewer"): Promise<SessionUser> {
  const user = await readSession();
  if (!user) redirect("/login");
  if (user.idpCheckDue) {
    // Through the IdP without a screen (prompt=none), back to this page; the role is read again there.
    const here = safeRedirectPath((await headers()).get(PATH_HEADER));
    redirect(`/api/auth/oidc/start?recheck=1&next=${encodeURIComponent(here)}`);
  }
  if (!roleAllows(user.role, role)) redirect(`/forbidden?needed=${role}`);
  return user;
}

/** For actions and route handlers: throws typed errors instead of redirecting. */
export async function requireUser(role: RoleName, action: string): Promise<SessionUser> {
  const user = await readSession();
  if (!user) throw new UnauthenticatedError();
  if (user.idpCheckDue) throw new IdpRecheckDueError();
  if (!roleAllows(user.role, role)) throw new ForbiddenError(action, role);
  return user;
}
