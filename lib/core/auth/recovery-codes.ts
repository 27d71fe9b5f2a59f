import { createHash, randomBytes } from "node:crypto";

/**
 * Recovery codes: 10 random codes of 10 base32 characters (50 bits each), shown once at
 * enrolment and stored as sha256 (they are random, not chosen, so a fast hash is enough).
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => ALPHABET[b & 31]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A recovery code as typed: case, spaces and dashes do not matter. Null when it cannot be one. */
export function normalizeRecoveryCode(input: string): string | null {
  if (input.length > 40) return null;
  const code = input.toLowerCase().replace(/[\s-]+/g, "");
  return /^[a-z2-7]{10}$/.test(code) ? code : null;
}

export function hashRecoveryCode(input: string): string | null {
  const code = normalizeRecoveryCode(input);
  return code ? createHash("sha256").update(code).digest("hex") : null;
}
