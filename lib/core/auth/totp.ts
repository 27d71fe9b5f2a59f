import * as OTPAuth from "otpauth";

/** TOTP as authenticator apps do it (RFC 6238: SHA-1, 6 digits, 30 s), through otpauth. */
export const TOTP_PERIOD_S = 30;
const ISSUER = "Portside";

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totp(secret: string, label = "account"): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: TOTP_PERIOD_S, secret: OTPAuth.Secret.fromBase32(secret) });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** A code as a person types it: digits only, spaces allowed. Null when it cannot be a code. */
export function normalizeTotpCode(input: string): string | null {
  if (input.length > 20) return null;
  const code = input.replace(/\s+/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}

/**
 * The time step the code belongs to, within ±1 step of now (clock drift), or null. The caller
 * accepts the step only if it is later than the last accepted one (`acceptsStep`), so a code
 * seen once cannot be replayed within its window.
 */
export function totpStep(secret: string, input: string, nowMs: number): number | null {
  const code = normalizeTotpCode(input);
  if (!code) return null;
  const delta = totp(secret).validate({ token: code, timestamp: nowMs, window: 1 });
  if (delta === null) return null;
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_S) + delta;
}

/** No code reuse: a step is accepted only once, and never one older than the last accepted. */
export function acceptsStep(lastStep: number | null, step: number): boolean {
  return lastStep === null || step > lastStep;
}

/** For tests and the e2e: the code of a secret at a time. */
export function totpCodeAt(secret: string, nowMs: number): string {
  return totp(secret).generate({ timestamp: nowMs });
}
