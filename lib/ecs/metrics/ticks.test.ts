import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { windowFor } from "./range";
import { timeTicks } from "./ticks";

const saved = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "UTC";
});
afterAll(() => {
  process.env.TZ = saved;
});

const now = Date.parse("2026-11-22T05:17:42Z");
const iso = (ts: number[]) => ts.map((t) => new Date(t).toISOString().slice(5, 16));

describe("timeTicks", () => {
  it("puts an hour's ticks on round ten minutes", () => {
    const w = windowFor("1h", now);
    expect(iso(timeTicks("1h", w.start, w.end))).toEqual(["11-22T04:20", "11-22T04:30", "11-22T04:40", "11-22T04:50", "11-22T05:00", "11-22T05:10"]);
  });

  it("puts a day's ticks every four hours from midnight and a week's on midnights", () => {
    const day = windowFor("24h", now);
    expect(iso(timeTicks("24h", day.start, day.end))).toEqual(["11-21T08:00", "11-21T12:00", "11-21T16:00", "11-21T20:00", "11-22T00:00", "11-22T04:00"]);
    const week = windowFor("7d", now);
    expect(iso(timeTicks("7d", week.start, week.end))).toEqual(["11-16T00:00", "11-17T00:00", "11-18T00:00", "11-19T00:00", "11-20T00:00", "11-21T00:00", "11-22T00:00"]);
  });
});
