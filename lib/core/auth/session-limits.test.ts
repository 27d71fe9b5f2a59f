import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "../testing/fuzz";
import { describeBrowser, sessionEnded, sessionLimits } from "./session-limits";

describe("session limits", () => {
  it("default to 30 minutes idle and 12 hours in all; bad or out-of-range values fall back", () => {
    expect(sessionLimits({})).toEqual({ idleMs: 30 * 60_000, maxMs: 12 * 3_600_000 });
    expect(sessionLimits({ PORTSIDE_SESSION_IDLE_MINUTES: "15", PORTSIDE_SESSION_MAX_HOURS: "8" })).toEqual({ idleMs: 15 * 60_000, maxMs: 8 * 3_600_000 });
    for (const bad of ["0", "-5", "1e9", "forever", "", "1441", "12.5"]) {
      expect(sessionLimits({ PORTSIDE_SESSION_IDLE_MINUTES: bad }).idleMs).toBe(30 * 60_000);
    }
    expect(sessionLimits({ PORTSIDE_SESSION_MAX_HOURS: "721" }).maxMs).toBe(12 * 3_600_000);
  });

  it("a session ends when idle past the limit or past its absolute end", () => {
    const limits = sessionLimits({});
    const now = new Date("2026-12-06T12:00:00Z");
    const later = new Date("2026-12-06T20:00:00Z");
    expect(sessionEnded({ expiresAt: later, lastSeenAt: new Date("2026-12-06T11:45:00Z") }, now, limits)).toBe(false);
    expect(sessionEnded({ expiresAt: later, lastSeenAt: new Date("2026-12-06T11:29:00Z") }, now, limits)).toBe(true);
    expect(sessionEnded({ expiresAt: now, lastSeenAt: now }, now, limits)).toBe(true);
  });

  it("names the browser and system from a User-Agent, and any header quickly", () => {
    expect(describeBrowser("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36")).toBe("Chrome 156 on Linux");
    expect(describeBrowser("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5; rv:133.0) Gecko/20100101 Firefox/133.0")).toBe("Firefox 133 on macOS");
    expect(describeBrowser(null)).toBe("Unknown browser");
    fc.assert(fc.property(hostile, (ua) => void expect(typeof quick(() => describeBrowser(ua))).toBe("string")), { numRuns: 1_000 });
  });
});
