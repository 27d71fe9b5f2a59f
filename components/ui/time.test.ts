import { describe, expect, it } from "vitest";
import { formatDuration } from "./time";

describe("formatDuration", () => {
  it.each([
    [850, "850 ms"],
    [4_250, "4.2 s"],
    [9_999, "9.9 s"],
    [42_000, "42 s"],
    [185_000, "3 min 5 s"],
    [120_000, "2 min"],
    [2 * 3_600_000 + 10 * 60_000, "2 h 10 min"],
    [3_600_000, "1 h"],
    [-5, "—"],
    [Number.NaN, "—"],
  ])("%d ms reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
