import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/test-database";

// Against a real Postgres (DATABASE_URL, from `npm test` or scripts/with-db.mjs): the point of
// the module is what the upserts do, concurrently, on the real table.
type Throttle = typeof import("./throttle");
let t: Throttle;
let dbModule: typeof import("../db/client");
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;

beforeAll(async () => {
  database = await createTestDatabase("throttle");
  dbModule = await import("../db/client");
  t = await import("./throttle");
}, 60_000);

afterAll(async () => {
  await dbModule?.db().$disconnect();
  await database?.drop();
});

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const fresh = (address: string | null = null) => t.throttleKeys(`User-${randomUUID().slice(0, 8)}@Example.test `, address);

/** One wrong-password attempt, as the sign-in action makes it. */
async function fail(keys: ReturnType<typeof fresh>, now: Date) {
  const begun = await t.beginAttempt(keys, now);
  if (!begun.allowed) return begun;
  await t.attemptFailed(keys, now);
  return begun;
}

describe("sign-in throttling", () => {
  it("keys the account as typed, lower-cased, and the address only when known", () => {
    expect(t.throttleKeys(" Ann@Example.COM ", null).map((k) => k.key)).toEqual(["account:ann@example.com"]);
    expect(t.throttleKeys("ann@example.com", "10.0.0.7").map((k) => k.key)).toEqual(["account:ann@example.com", "address:10.0.0.7"]);
  });

  it("locks an account for 15 minutes after 10 failures within a minute, and refuses even a correct password", async () => {
    const keys = fresh();
    const start = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < 9; i++) expect((await fail(keys, at(start, i * 1000))).allowed).toBe(true);
    const tenth = await t.beginAttempt(keys, at(start, 9000));
    expect(tenth.allowed).toBe(true);
    const failed = await t.attemptFailed(keys, at(start, 9000));
    expect(failed.newlyLocked).toEqual([keys[0].key]);
    expect(failed.lockedUntil).toEqual(at(start, 9000 + 15 * 60_000));

    // The 11th attempt is refused before any password check: nothing tells a right one from a wrong one.
    const eleventh = await t.beginAttempt(keys, at(start, 10_000));
    expect(eleventh).toEqual({ allowed: false, lockedUntil: at(start, 9000 + 15 * 60_000) });
    expect(t.minutesLeft((eleventh as { lockedUntil: Date }).lockedUntil, at(start, 10_000))).toBe(15);
    expect((await t.beginAttempt(keys, at(start, 9000 + 14 * 60_000 + 1))).allowed).toBe(false);
    // Then it is over, and the count starts again.
    expect((await t.beginAttempt(keys, at(start, 9000 + 15 * 60_000))).allowed).toBe(true);
  });

  it("does not lock when the failures are spread over more than a minute", async () => {
    const keys = fresh();
    const start = new Date("2026-01-01T11:00:00Z");
    for (let i = 0; i < 30; i++) expect((await fail(keys, at(start, i * 7000))).allowed).toBe(true);
  });

  it("a successful sign-in clears the account's failures", async () => {
    const keys = fresh();
    const start = new Date("2026-01-01T12:00:00Z");
    for (let i = 0; i < 9; i++) await fail(keys, at(start, i));
    expect((await t.beginAttempt(keys, at(start, 10))).allowed).toBe(true);
    await t.attemptSucceeded(keys);
    for (let i = 0; i < 9; i++) await fail(keys, at(start, 20 + i));
    expect((await t.beginAttempt(keys, at(start, 40))).allowed).toBe(true);
  });

  it("locks a client address after 50 failures within 10 minutes, whatever accounts they name", async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const start = new Date("2026-01-01T13:00:00Z");
    for (let i = 0; i < 50; i++) expect((await fail(fresh(address), at(start, i * 10_000))).allowed).toBe(true);
    const other = fresh(address);
    const refused = await t.beginAttempt(other, at(start, 501_000));
    expect(refused.allowed).toBe(false);
    // The account that was never really tried keeps no count from the refused attempt.
    const rows = await dbModule.db().loginThrottle.findMany({ where: { key: other[0].key } });
    expect(rows.map((r) => r.failures)).toEqual([0]);
    // Successful sign-ins from the address are not failures.
    const ok = new Date("2026-01-01T14:00:00Z");
    for (let i = 0; i < 60; i++) {
      const keys = fresh(`198.51.100.9`);
      expect((await t.beginAttempt(keys, at(ok, i))).allowed).toBe(true);
      await t.attemptSucceeded(keys);
    }
  });

  it("counts parallel attempts one by one: at most 10 reach the password check", async () => {
    const keys = fresh();
    const now = new Date("2026-01-01T15:00:00Z");
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => t.beginAttempt(keys, now)));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(10);
    expect((await t.beginAttempt(keys, at(now, 1000))).allowed).toBe(false);
  });
});
