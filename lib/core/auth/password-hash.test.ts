import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, verifyPassword, verifyPasswordOrDummy } from "./password-hash";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("correct horse");
    expect(stored.startsWith("scrypt$")).toBe(true);
    expect(await verifyPassword("correct horse", stored)).toBe(true);
    expect(await verifyPassword("correct horsf", stored)).toBe(false);
  });

  it("rejects malformed stored hashes", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
  });

  it("generates distinct 16-character passwords", () => {
    const a = generatePassword();
    expect(a).toHaveLength(16);
    expect(generatePassword()).not.toBe(a);
  });

  it("with no account to check, does the same scrypt work and refuses", async () => {
    const stored = await hashPassword("correct horse");
    expect(await verifyPasswordOrDummy("correct horse", stored)).toBe(true);
    expect(await verifyPasswordOrDummy("correct horse", null)).toBe(false);
    const time = async (fn: () => Promise<unknown>) => {
      const start = performance.now();
      for (let i = 0; i < 5; i++) await fn();
      return performance.now() - start;
    };
    const known = await time(() => verifyPasswordOrDummy("wrong horse", stored));
    const unknown = await time(() => verifyPasswordOrDummy("wrong horse", null));
    // Both run scrypt with the same parameters: within a factor of two, where skipping it was ~10x faster.
    expect(unknown).toBeGreaterThan(known / 2);
  });
});
