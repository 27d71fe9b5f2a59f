import { describe, expect, it } from "vitest";
import { MAX_POINTS_PER_QUERY, METRIC_RANGES, parseRange, pointsIn, windowFor } from "./range";

const at = (iso: string) => Date.parse(iso);

describe("windowFor", () => {
  it("picks the console's periods: 1 min for 1h and 6h, 5 min for 24h, 1 h for 7d", () => {
    const now = at("2026-11-22T05:17:42Z");
    expect(METRIC_RANGES.map((r) => windowFor(r, now).period)).toEqual([60, 60, 300, 3600]);
  });

  it("ends at the next period boundary so the period in progress is included, and spans the range", () => {
    const w = windowFor("1h", at("2026-11-22T05:17:42.500Z"));
    expect(new Date(w.end).toISOString()).toBe("2026-11-22T05:18:00.000Z");
    expect(new Date(w.start).toISOString()).toBe("2026-11-22T04:18:00.000Z");
    const week = windowFor("7d", at("2026-11-22T05:17:42Z"));
    expect(new Date(week.end).toISOString()).toBe("2026-11-22T06:00:00.000Z");
    expect(new Date(week.start).toISOString()).toBe("2026-11-15T06:00:00.000Z");
    const day = windowFor("24h", at("2026-11-22T05:17:42Z"));
    expect(new Date(day.end).toISOString()).toBe("2026-11-22T05:20:00.000Z");
  });

  it("on an exact boundary still includes the period that just began", () => {
    const w = windowFor("1h", at("2026-11-22T05:18:00Z"));
    expect(new Date(w.end).toISOString()).toBe("2026-11-22T05:19:00.000Z");
  });

  it("asks the same window for two reads within one period (shared reads stay shared)", () => {
    expect(windowFor("6h", at("2026-11-22T05:17:01Z"))).toEqual(windowFor("6h", at("2026-11-22T05:17:59Z")));
  });

  it("never needs more than GetMetricData's 1,440 points per query", () => {
    const counts = METRIC_RANGES.map((r) => pointsIn(windowFor(r, at("2026-11-22T05:17:42Z"))));
    expect(counts).toEqual([60, 360, 288, 168]);
    for (const n of counts) expect(n).toBeLessThanOrEqual(MAX_POINTS_PER_QUERY);
  });
});

describe("parseRange", () => {
  it("accepts the four ranges and falls back to 1h for anything else", () => {
    expect(parseRange("7d")).toBe("7d");
    expect(parseRange("24h")).toBe("24h");
    expect(parseRange(undefined)).toBe("1h");
    expect(parseRange("2h")).toBe("1h");
    expect(parseRange(["6h", "7d"])).toBe("1h");
  });
});
