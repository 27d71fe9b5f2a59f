/**
 * How often the identity provider must confirm a single sign-on session. A role or an account
 * removed at the IdP reaches Portside when it next hears from the IdP; without a recheck that
 * would be the next sign-in, up to the 12 h absolute session limit later. So every
 * PORTSIDE_OIDC_RECHECK_MINUTES (default 15, 1–720, or "off") the next page load passes through
 * the IdP with prompt=none: no screen when the IdP session is alive, the role claim read again;
 * the Portside session ends when the IdP says the person must sign in again.
 */
export const DEFAULT_RECHECK_MINUTES = 15;
const MAX_RECHECK_MINUTES = 720;

export class RecheckSettingError extends Error {}

/** The interval in ms, or null when rechecks are off. Throws on a value that is not 1–720 or "off". */
export function recheckIntervalMs(value: string | undefined): number | null {
  const raw = value?.trim() ?? "";
  if (raw === "") return DEFAULT_RECHECK_MINUTES * 60_000;
  if (raw.toLowerCase() === "off") return null;
  if (raw.length > 4 || !/^\d+$/.test(raw)) throw new RecheckSettingError(`PORTSIDE_OIDC_RECHECK_MINUTES must be 1–${MAX_RECHECK_MINUTES} or "off"`);
  const minutes = Number(raw);
  if (minutes < 1 || minutes > MAX_RECHECK_MINUTES) throw new RecheckSettingError(`PORTSIDE_OIDC_RECHECK_MINUTES must be 1–${MAX_RECHECK_MINUTES} or "off"`);
  return minutes * 60_000;
}

/** Whether an SSO session last confirmed at `checkedAt` must go through the IdP again. */
export function recheckDue(checkedAt: Date | null, now: Date, intervalMs: number | null): boolean {
  if (intervalMs === null) return false;
  if (!checkedAt) return true;
  return now.getTime() - checkedAt.getTime() >= intervalMs;
}
