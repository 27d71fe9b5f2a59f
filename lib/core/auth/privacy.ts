import type { SessionUser } from "./session";

/**
 * What one signed-in person may see of others. Admins manage accounts and see every e-mail;
 * everyone else sees names, and only their own e-mail: a viewer's page must not be a list of
 * addresses to phish.
 */
export function visibleEmail(viewer: Pick<SessionUser, "id" | "role">, owner: { id: string; email: string }): string | null {
  return viewer.role === "admin" || viewer.id === owner.id ? owner.email : null;
}

/** An access key id as non-admins see it: enough to tell keys apart (AKIA…0001), not to quote one. */
export function maskKeyId(keyId: string): string {
  return keyId.length <= 8 ? "…" : `${keyId.slice(0, 4)}…${keyId.slice(-4)}`;
}
