import { describe, expect, it } from "vitest";
import { utcMinute } from "./utc";

describe("utcMinute", () => {
  it("writes an ISO time to the minute, or a dash", () => {
    expect(utcMinute("2026-12-06T23:29:41.000Z")).toBe("2026-12-06 23:29 UTC");
    expect(utcMinute(null)).toBe("—");
    expect(utcMinute("")).toBe("—");
  });
});
