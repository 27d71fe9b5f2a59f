import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { DEFAULT_RECHECK_MINUTES, RecheckSettingError, recheckDue, recheckIntervalMs } from "./oidc-recheck";

describe("recheckIntervalMs", () => {
  it("defaults to 15 minutes, takes 1–720 minutes or off", () => {
    expect(recheckIntervalMs(undefined)).toBe(DEFAULT_RECHECK_MINUTES * 60_000);
    expect(recheckIntervalMs(" ")).toBe(DEFAULT_RECHECK_MINUTES * 60_000);
    expect(recheckIntervalMs("1")).toBe(60_000);
    expect(recheckIntervalMs("720")).toBe(720 * 60_000);
    expect(recheckIntervalMs("OFF")).toBeNull();
  });
  it.each(["0", "721", "-5", "1.5", "1e3", "15m", "99999", "0x10"])("refuses %s", (v) => {
    expect(() => recheckIntervalMs(v)).toThrow(RecheckSettingError);
  });
  it("hostile text gives null, 1–720 minutes or its own error, quickly (fuzz)", () => {
    fc.assert(fc.property(hostile, (v) => {
      try {
        const ms = quick(() => recheckIntervalMs(v));
        if (ms !== null && !(ms >= 60_000 && ms <= 720 * 60_000)) throw new Error(`out of range: ${ms}`);
      } catch (error) {
        if (!(error instanceof RecheckSettingError)) throw error;
      }
    }), { numRuns: 1_500 });
  });
});

describe("recheckDue", () => {
  const now = new Date("2026-12-07T10:00:00Z");
  it("is due once the interval has passed since the IdP last confirmed, or when it never did", () => {
    expect(recheckDue(new Date("2026-12-07T09:46:00Z"), now, 15 * 60_000)).toBe(false);
    expect(recheckDue(new Date("2026-12-07T09:45:00Z"), now, 15 * 60_000)).toBe(true);
    expect(recheckDue(null, now, 15 * 60_000)).toBe(true);
  });
  it("is never due when rechecks are off", () => {
    expect(recheckDue(null, now, null)).toBe(false);
  });
});
