import { describe, expect, it } from "vitest";
import { acceptsStep, newTotpSecret, normalizeTotpCode, TOTP_PERIOD_S, totpCodeAt, totpStep, totpUri } from "./totp";

const NOW = Date.UTC(2026, 11, 7, 3, 0, 10);
const step = Math.floor(NOW / 1000 / TOTP_PERIOD_S);

describe("TOTP", () => {
  const secret = newTotpSecret();

  it("accepts the current code and one step either side, not two", () => {
    expect(totpStep(secret, totpCodeAt(secret, NOW), NOW)).toBe(step);
    expect(totpStep(secret, totpCodeAt(secret, NOW - 30_000), NOW)).toBe(step - 1);
    expect(totpStep(secret, totpCodeAt(secret, NOW + 30_000), NOW)).toBe(step + 1);
    expect(totpStep(secret, totpCodeAt(secret, NOW - 90_000), NOW)).toBeNull();
    expect(totpStep(secret, totpCodeAt(secret, NOW + 90_000), NOW)).toBeNull();
  });

  it("refuses a replayed code: a step is accepted once, and nothing older after it", () => {
    const first = totpStep(secret, totpCodeAt(secret, NOW), NOW)!;
    expect(acceptsStep(null, first)).toBe(true);
    // The same code again, still inside its ±1 window, 20 s later:
    const replay = totpStep(secret, totpCodeAt(secret, NOW), NOW + 20_000)!;
    expect(replay).toBe(first);
    expect(acceptsStep(first, replay)).toBe(false);
    // The previous step's code, still valid by time, is older than the accepted one.
    expect(acceptsStep(first, totpStep(secret, totpCodeAt(secret, NOW - 30_000), NOW)!)).toBe(false);
    expect(acceptsStep(first, totpStep(secret, totpCodeAt(secret, NOW + 30_000), NOW + 30_000)!)).toBe(true);
  });

  it("reads codes as typed and refuses anything that is not six digits", () => {
    expect(normalizeTotpCode(" 123 456 ")).toBe("123456");
    for (const bad of ["12345", "1234567", "abcdef", "12345x", "1".repeat(100), ""]) expect(normalizeTotpCode(bad)).toBeNull();
    expect(totpStep(secret, "not a code", NOW)).toBeNull();
  });

  it("builds the otpauth URI an authenticator app reads", () => {
    const uri = totpUri(secret, "ana@example.com");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Portside:ana%40example\.com\?/);
    expect(uri).toContain(`secret=${secret}`);
  });
});
