import { describe, expect, it } from "vitest";
import { REAUTH_MS, recentlyVerified } from "./recent-auth";

describe("recentlyVerified", () => {
  it("holds for 10 minutes after the password was entered, not after", () => {
    const at = new Date("2026-12-06T12:00:00Z");
    expect(recentlyVerified({ verifiedAt: at }, at.getTime() + REAUTH_MS)).toBe(true);
    expect(recentlyVerified({ verifiedAt: at }, at.getTime() + REAUTH_MS + 1)).toBe(false);
  });
});
