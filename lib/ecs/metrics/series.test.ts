import { describe, expect, it } from "vitest";
import { windowFor } from "./range";
import { axisMax, formatPercent, toServiceUtilization, toSeries } from "./series";

const window = windowFor("1h", Date.parse("2026-11-22T05:17:42Z"));
const minute = (n: number) => window.start + n * 60_000;

describe("toSeries", () => {
  it("lays Average and Maximum on every period of the window, with gaps as null", () => {
    const s = toSeries(
      window,
      { id: "cpu_avg", timestamps: [minute(0), minute(2), minute(59)], values: [10, 12, 30] },
      { id: "cpu_max", timestamps: [minute(0), minute(2), minute(59)], values: [15, 20, 95.5] },
    );
    expect(s.points).toHaveLength(60);
    expect(s.points[0]).toEqual({ t: minute(0), average: 10, maximum: 15 });
    expect(s.points[1]).toEqual({ t: minute(1), average: null, maximum: null });
    expect(s.points[2]).toEqual({ t: minute(2), average: 12, maximum: 20 });
    expect(s.latest).toEqual({ t: minute(59), average: 30, maximum: 95.5 });
    expect(s.peak).toBe(95.5);
  });

  it("ignores points outside the window and snaps a stray offset to its period", () => {
    const s = toSeries(window, { id: "a", timestamps: [window.start - 60_000, minute(3) + 15_000, window.end], values: [1, 7, 9] }, undefined);
    expect(s.points.filter((p) => p.average !== null)).toEqual([{ t: minute(3), average: 7, maximum: null }]);
    expect(s.peak).toBe(7);
  });

  it("reports no latest value and no peak when CloudWatch has nothing", () => {
    const s = toSeries(window, { id: "a", timestamps: [], values: [] }, undefined);
    expect(s.latest).toBeNull();
    expect(s.peak).toBeNull();
    expect(s.points.every((p) => p.average === null && p.maximum === null)).toBe(true);
  });
});

describe("toServiceUtilization", () => {
  it("routes the four query ids to CPU and memory", () => {
    const u = toServiceUtilization(
      window,
      [
        { id: "mem_max", timestamps: [minute(5)], values: [44] },
        { id: "cpu_avg", timestamps: [minute(5)], values: [21] },
        { id: "mem_avg", timestamps: [minute(5)], values: [40] },
        { id: "cpu_max", timestamps: [minute(5)], values: [33] },
      ],
      123,
    );
    expect(u.cpu.latest).toEqual({ t: minute(5), average: 21, maximum: 33 });
    expect(u.memory.latest).toEqual({ t: minute(5), average: 40, maximum: 44 });
    expect(u).toMatchObject({ range: "1h", period: 60, start: window.start, end: window.end, readAt: 123 });
  });
});

describe("axisMax and formatPercent", () => {
  it("keeps 100 % as the top unless data goes above it", () => {
    const s = (peak: number | null) => ({ points: [], latest: null, peak });
    expect(axisMax(s(null))).toBe(100);
    expect(axisMax(s(64))).toBe(100);
    expect(axisMax(s(143.2))).toBe(150);
  });

  it("shows one decimal", () => {
    expect(formatPercent(23)).toBe("23.0%");
    expect(formatPercent(23.456)).toBe("23.5%");
    expect(formatPercent(null)).toBe("–");
  });
});
