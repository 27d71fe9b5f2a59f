import "server-only";
import { redirect } from "next/navigation";
import { ForbiddenError, UnauthenticatedError } from "@/lib/core/errors";
import { roleAllows, type RoleName } from "./roles";
import { readSession, type SessionUser } from "./session";

/** For pages: sends a signed-out visitor to the login page and a too-weak role to /forbidden. */
export async function requirePageUser(role: RoleName = "viewer"): Promise<SessionUser> {
  const user = await readSession();
  if (!user) redirect("/login");
  if (!roleAllows(user.role, role)) redirect(`/forbidden?needed=${role}`);
  return user;
}

/** For actions and route handlers: throws typed errors instead of redirecting. */
export async function requireUser(role: RoleName, action: string): Promise<SessionUser> {
  const user = await readSession();
  if (!user) throw new UnauthenticatedError();
  if (!roleAllows(user.role, role)) throw new ForbiddenError(action, role);
  return user;
}
