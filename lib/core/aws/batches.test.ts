import { describe, expect, it } from "vitest";
import { chunks, mapLimit } from "./batches";

describe("chunks", () => {
  it("slices in order, the last slice holding the rest", () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 10)).toEqual([]);
    expect(() => chunks([1], 0)).toThrow();
  });
});

describe("mapLimit", () => {
  it("keeps the order and never exceeds the limit", async () => {
    let inFlight = 0;
    let max = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      max = Math.max(max, ++inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(max).toBe(3);
  });
});
