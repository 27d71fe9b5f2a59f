/**
 * The short-lived cookie that carries one SSO attempt from /api/auth/oidc/start to its callback:
 * state, nonce, PKCE verifier, where to go next, and whether it re-authenticates a session.
 * The cookie value is sealed (secret-box) by the route; this module only encodes and checks the
 * plain text, with bounds, so a hostile cookie is refused with a typed error.
 */
export type OidcAttempt = {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  next: string;
  reauth: boolean;
  /** A silent confirmation of a signed-in SSO session (prompt=none, oidc-recheck.ts). */
  recheck?: boolean;
  /** Epoch ms after which the attempt is refused. */
  expires: number;
};

export const OIDC_COOKIE = "portside_oidc";
export const OIDC_ATTEMPT_MS = 10 * 60_000;
export const MAX_OIDC_COOKIE_CHARS = 4_000;

export class OidcAttemptError extends Error {}

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export function encodeAttempt(a: OidcAttempt): string {
  return JSON.stringify(a);
}

/** Parses and checks an attempt; throws OidcAttemptError for anything malformed or expired. */
export function parseAttempt(text: string, now: number): OidcAttempt {
  if (text.length > MAX_OIDC_COOKIE_CHARS) throw new OidcAttemptError("too long");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new OidcAttemptError("not JSON");
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new OidcAttemptError("not an object");
  const o = raw as Record<string, unknown>;
  for (const k of ["state", "nonce", "verifier"] as const) {
    if (typeof o[k] !== "string" || !TOKEN.test(o[k] as string)) throw new OidcAttemptError(`bad ${k}`);
  }
  if (typeof o.redirectUri !== "string" || o.redirectUri.length > 1_000 || !/^https?:\/\//.test(o.redirectUri)) throw new OidcAttemptError("bad redirect");
  if (typeof o.next !== "string" || o.next.length > 1_000 || !o.next.startsWith("/") || o.next.startsWith("//")) throw new OidcAttemptError("bad next");
  if (typeof o.reauth !== "boolean") throw new OidcAttemptError("bad reauth");
  if (o.recheck !== undefined && typeof o.recheck !== "boolean") throw new OidcAttemptError("bad recheck");
  if (typeof o.expires !== "number" || !Number.isFinite(o.expires)) throw new OidcAttemptError("bad expiry");
  if (o.expires < now || o.expires > now + OIDC_ATTEMPT_MS) throw new OidcAttemptError("expired");
  return {
    state: o.state as string,
    nonce: o.nonce as string,
    verifier: o.verifier as string,
    redirectUri: o.redirectUri,
    next: o.next,
    reauth: o.reauth,
    ...(o.recheck ? { recheck: true } : {}),
    expires: o.expires,
  };
}
