/**
 * The most sensitive changes — connections (AWS credentials), users, roles, passwords — need the
 * password entered in this session within the last 10 minutes (sign-in counts), so a session left
 * open on an unlocked screen cannot hand over the team's AWS accounts.
 */
export const REAUTH_MS = 10 * 60_000;

export const REAUTH_MESSAGE = "Enter your password again to make this change: it has been more than 10 minutes since you did.";

export const REAUTH_SSO_MESSAGE = "Sign in again at your identity provider to make this change: it has been more than 10 minutes since you did.";

export function recentlyVerified(user: { verifiedAt: Date }, now = Date.now()): boolean {
  return now - user.verifiedAt.getTime() <= REAUTH_MS;
}
