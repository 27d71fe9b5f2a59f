import { describe, expect, it } from "vitest";
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from "./recovery-codes";

describe("recovery codes", () => {
  it("are 10 different codes, hashed the same however they are typed", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    const [c] = codes;
    expect(hashRecoveryCode(c!.toUpperCase().replace("-", " "))).toBe(hashRecoveryCode(c!));
  });

  it("refuse what cannot be a code", () => {
    for (const bad of ["", "123456", "abcde-fghi1", "x".repeat(100)]) expect(normalizeRecoveryCode(bad)).toBeNull();
  });
});
