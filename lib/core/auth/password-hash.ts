// No "server-only" marker: the e2e fixtures seed users with the same hashing.
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

// scrypt from node:crypto: memory-hard, no native dependency to build offline.
const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const PARAMS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 64, PARAMS);
  return `scrypt$${PARAMS.N}$${salt.toString("base64")}$${hash.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await scryptAsync(password, Buffer.from(salt, "base64"), expected.length, { ...PARAMS, N: Number(n) });
  return timingSafeEqual(actual, expected);
}

// A fixed hash of a password nobody knows, with the same parameters as real ones: checking a
// password for an unknown or disabled account costs the same scrypt run as for a real one.
const DUMMY_HASH =
  "scrypt$16384$hbRPqoh0cdfWW6UPPX39NQ==$lDkzk1vgGGLeYjWN0MQgHlL/RwJ3D05O+5BZARWJG1ncNIG0BsLfCaam4JqK5SpOeAmesvdlJD5W0GSIpfAsEA==";

/** Like verifyPassword, but with no hash to check (no such account) does the same work and says false. */
export async function verifyPasswordOrDummy(password: string, stored: string | null): Promise<boolean> {
  const valid = await verifyPassword(password, stored ?? DUMMY_HASH);
  return stored !== null && valid;
}

export function generatePassword(): string {
  return randomBytes(12).toString("base64url");
}
