/**
 * What the login page says after a failed single sign-on, by the short code the callback puts in
 * `?sso=`. No detail of the failure reaches the browser: it is in the server log.
 */
export const SSO_MESSAGES = {
  failed: "Single sign-on did not complete. Try again; if it keeps failing, ask an administrator (the reason is in Portside's log).",
  expired: "The single sign-on attempt expired or was started in another browser. Try again.",
  cancelled: "Sign-in at your identity provider was cancelled or refused.",
  norole: "Your single sign-on account has no Portside role. Ask an administrator to add you to a group that has one.",
  noemail: "Your identity provider did not send a verified email address, which Portside needs. Ask an administrator.",
  taken: "An account with your email already signs in with a password. Ask an administrator to remove or rename it first.",
  disabled: "Your Portside account is disabled. Ask an administrator.",
  off: "Single sign-on is not set up on this Portside.",
  mismatch: "You confirmed as a different person at the identity provider. Sign in again.",
  ended: "Your identity provider asked you to sign in again: your session there ended or your access changed.",
} as const;

export type SsoProblem = keyof typeof SSO_MESSAGES;

/** The message for a `?sso=` value; unknown values (a hand-made link) say nothing. */
export function ssoMessage(code: unknown): string | null {
  return typeof code === "string" && Object.hasOwn(SSO_MESSAGES, code) ? SSO_MESSAGES[code as SsoProblem] : null;
}
