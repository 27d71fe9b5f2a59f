import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/db/client";
import { plural } from "@/lib/core/format/plural";

/** At most `maxFailures` failed sign-ins per `windowMs`; the next one locks the key for `lockMs`. */
export type Limit = { maxFailures: number; windowMs: number; lockMs: number };

export const ACCOUNT_LIMIT: Limit = { maxFailures: 10, windowMs: 60_000, lockMs: 15 * 60_000 };
export const ADDRESS_LIMIT: Limit = { maxFailures: 50, windowMs: 10 * 60_000, lockMs: 15 * 60_000 };

export type ThrottleKey = { key: string; limit: Limit };

/**
 * The keys one sign-in attempt counts against: the account as typed (whether or not it exists,
 * so a lock says nothing about which e-mails have accounts) and, when known, the client address.
 */
export function throttleKeys(email: string, address: string | null): ThrottleKey[] {
  const keys = [{ key: `account:${email.trim().toLowerCase()}`, limit: ACCOUNT_LIMIT }];
  if (address) keys.push({ key: `address:${address}`, limit: ADDRESS_LIMIT });
  return keys;
}

/** Whole minutes left on a lock, rounded up: "try again in N minutes". */
export function minutesLeft(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}

/** What a locked account or address is told, every time, whatever password it sent. */
export function tooManyAttempts(lockedUntil: Date, now = new Date()): string {
  return `Too many attempts; try again in ${plural(minutesLeft(lockedUntil, now), "minute")}.`;
}

// The columns are `timestamp` (UTC, as Prisma writes them): convert explicitly, never through
// the session's time zone, and read back epoch milliseconds.
const ts = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
type Row = { lockedUntilMs: number | null };
const lockOf = (rows: Row[]) => (rows[0]?.lockedUntilMs == null ? null : new Date(rows[0].lockedUntilMs));

/**
 * Counts the attempt against the key before the password is checked, in one upsert, so parallel
 * attempts cannot all pass a check made before any of them is counted: the attempt that goes over
 * the limit sets the lock itself. A locked key is not counted further. Returns the key's lock.
 */
async function charge({ key, limit }: ThrottleKey, now: Date): Promise<Date | null> {
  const windowFloor = new Date(now.getTime() - limit.windowMs);
  const lockEnd = new Date(now.getTime() + limit.lockMs);
  // A window that ended, or a lock that expired, starts over at this attempt.
  const fresh = Prisma.sql`(t."windowStart" <= ${ts(windowFloor)} OR t."lockedUntil" IS NOT NULL)`;
  const rows = await db().$queryRaw<Row[]>`
    INSERT INTO "LoginThrottle" AS t ("key", "failures", "windowStart", "lockedUntil")
    VALUES (${key}, 1, ${ts(now)}, NULL)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN t."lockedUntil" > ${ts(now)} THEN t."failures" WHEN ${fresh} THEN 1 ELSE t."failures" + 1 END,
      "windowStart" = CASE WHEN t."lockedUntil" > ${ts(now)} THEN t."windowStart" WHEN ${fresh} THEN ${ts(now)} ELSE t."windowStart" END,
      "lockedUntil" = CASE
        WHEN t."lockedUntil" > ${ts(now)} THEN t."lockedUntil"
        WHEN NOT ${fresh} AND t."failures" + 1 > ${limit.maxFailures} THEN ${ts(lockEnd)}
        ELSE NULL END
    RETURNING (EXTRACT(EPOCH FROM t."lockedUntil") * 1000)::float8 AS "lockedUntilMs"`;
  const lockedUntil = lockOf(rows);
  return lockedUntil && lockedUntil > now ? lockedUntil : null;
}

/** Takes back a counted attempt that turned out not to be a failure. */
async function release({ key }: ThrottleKey): Promise<void> {
  await db().$executeRaw`UPDATE "LoginThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = ${key}`;
}

export type AttemptOutcome = { allowed: true } | { allowed: false; lockedUntil: Date };

/**
 * Call before checking the password. Refused while any key is locked (a correct password too);
 * otherwise the attempt is counted as a failure until `attemptSucceeded` says otherwise.
 */
export async function beginAttempt(keys: ThrottleKey[], now = new Date()): Promise<AttemptOutcome> {
  const locks: (Date | null)[] = [];
  for (const key of keys) locks.push(await charge(key, now));
  const locked = locks.filter((l): l is Date => l !== null).sort((a, b) => b.getTime() - a.getTime())[0];
  if (!locked) return { allowed: true };
  // Keys that were not locked themselves were counted for an attempt that never got checked.
  await Promise.all(keys.filter((_, i) => locks[i] === null).map(release));
  return { allowed: false, lockedUntil: locked };
}

/**
 * Call after a wrong password: a key whose window now holds its limit of failures is locked from
 * now. Returns the keys this failure locked (to record) and the lock that now applies, if any.
 */
export async function attemptFailed(keys: ThrottleKey[], now = new Date()): Promise<{ newlyLocked: string[]; lockedUntil: Date | null }> {
  const newlyLocked: string[] = [];
  let lockedUntil: Date | null = null;
  for (const { key, limit } of keys) {
    const rows = await db().$queryRaw<Row[]>`
      UPDATE "LoginThrottle" SET "lockedUntil" = ${ts(new Date(now.getTime() + limit.lockMs))}
      WHERE "key" = ${key} AND "failures" >= ${limit.maxFailures}
        AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${ts(now)})
      RETURNING (EXTRACT(EPOCH FROM "lockedUntil") * 1000)::float8 AS "lockedUntilMs"`;
    const lock = lockOf(rows);
    if (!lock) continue;
    newlyLocked.push(key);
    if (!lockedUntil || lock > lockedUntil) lockedUntil = lock;
  }
  return { newlyLocked, lockedUntil };
}

/** Call after a correct password: clears the account's failures; the address's attempt was no failure. */
export async function attemptSucceeded(keys: ThrottleKey[]): Promise<void> {
  for (const key of keys) {
    if (key.key.startsWith("account:")) await db().loginThrottle.deleteMany({ where: { key: key.key } });
    else await release(key);
  }
}
