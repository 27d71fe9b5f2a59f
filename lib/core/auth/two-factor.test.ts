import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/test-database";
import { newTotpSecret, totpCodeAt } from "./totp";

// Against a real Postgres: replay refusal and single use are in the UPDATEs' WHERE clauses.
process.env.PORTSIDE_SECRET_KEY ??= "two-factor-test-key";
let tf: typeof import("./two-factor");
let dbModule: typeof import("../db/client");
let seal: (s: string) => string;
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;

beforeAll(async () => {
  database = await createTestDatabase("two_factor");
  dbModule = await import("../db/client");
  tf = await import("./two-factor");
  seal = (await import("../security/secret-box")).seal;
}, 60_000);

afterAll(async () => {
  await dbModule?.db().$disconnect();
  await database?.drop();
});

async function userWithTotp(enabled: boolean) {
  const secret = newTotpSecret();
  const user = await dbModule.db().user.create({
    data: { email: `${randomUUID()}@tf.test`, name: "tf", passwordHash: "x", totpSecret: seal(secret), totpEnabledAt: enabled ? new Date() : null },
  });
  return { id: user.id, secret };
}

describe("TOTP codes against the database", () => {
  it("accepts a code once; the same code again within its window is refused", async () => {
    const { id, secret } = await userWithTotp(true);
    const now = Date.now();
    const code = totpCodeAt(secret, now);
    expect(await tf.acceptTotp(id, code, now)).toBe(true);
    expect(await tf.acceptTotp(id, code, now + 5_000)).toBe(false);
    // The previous step's code is older than the one accepted: refused too.
    expect(await tf.acceptTotp(id, totpCodeAt(secret, now - 30_000), now)).toBe(false);
    expect(await tf.acceptTotp(id, totpCodeAt(secret, now + 30_000), now + 30_000)).toBe(true);
  });

  it("two requests racing with the same code: exactly one wins", async () => {
    const { id, secret } = await userWithTotp(true);
    const now = Date.now();
    const code = totpCodeAt(secret, now);
    const results = await Promise.all(Array.from({ length: 5 }, () => tf.acceptTotp(id, code, now)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("a secret not yet confirmed only counts for enrolment, and wrong codes never", async () => {
    const { id, secret } = await userWithTotp(false);
    const now = Date.now();
    expect(await tf.acceptTotp(id, totpCodeAt(secret, now), now)).toBe(false);
    expect(await tf.acceptTotp(id, totpCodeAt(secret, now), now, true)).toBe(true);
    expect(await tf.acceptTotp(id, "000000", now + 60_000, true)).toBe(totpCodeAt(secret, now + 60_000) === "000000");
  });
});

describe("recovery codes against the database", () => {
  it("each works once, typed in any case; replacing them voids the old ones", async () => {
    const { id } = await userWithTotp(true);
    const codes = await tf.replaceRecoveryCodes(id);
    expect(codes).toHaveLength(10);
    expect(await tf.recoveryCodesLeft(id)).toBe(10);
    expect(await tf.useRecoveryCode(id, codes[0]!.toUpperCase())).toBe(true);
    expect(await tf.useRecoveryCode(id, codes[0]!)).toBe(false);
    expect(await tf.recoveryCodesLeft(id)).toBe(9);
    expect(await tf.useRecoveryCode(id, "aaaaa-aaaaa")).toBe(false);
    // Another user's code is not this user's.
    const other = await userWithTotp(true);
    expect(await tf.useRecoveryCode(other.id, codes[1]!)).toBe(false);
    await tf.replaceRecoveryCodes(id);
    expect(await tf.useRecoveryCode(id, codes[1]!)).toBe(false);
    await tf.clearTwoFactor(id);
    expect(await tf.recoveryCodesLeft(id)).toBe(0);
  });
});
