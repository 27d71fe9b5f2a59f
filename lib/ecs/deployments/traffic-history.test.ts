import { expect, it } from "vitest";
import { MAX_TRAFFIC_POINTS, bakeEndsAt, droppedRange, isNewStep } from "./traffic-history";

const t = (s: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, s));

it("a point is a new step when the share or the stage changed", () => {
  expect(isNewStep(undefined, 0, "SCALE_UP")).toBe(true);
  expect(isNewStep({ green: 0, stage: "SCALE_UP" }, 0, "SCALE_UP")).toBe(false);
  expect(isNewStep({ green: 0, stage: "SCALE_UP" }, 10, "SCALE_UP")).toBe(true);
  expect(isNewStep({ green: 10, stage: "SCALE_UP" }, 10, "BAKE_TIME")).toBe(true);
});

it("keeps the first point and the newest ones", () => {
  expect(droppedRange(5)).toEqual({ from: 1, to: 5 - MAX_TRAFFIC_POINTS + 1 });
  expect(droppedRange(MAX_TRAFFIC_POINTS)).toEqual({ from: 1, to: 1 });
});

it("the bake ends its bake time after it was first seen, while it lasts", () => {
  const points = [{ at: t(0).toISOString(), green: 100, stage: "BAKE_TIME" }];
  expect(bakeEndsAt(points, 5)).toBe(new Date(t(0).getTime() + 300_000).toISOString());
  expect(bakeEndsAt([...points, { at: t(9).toISOString(), green: 100, stage: "CLEAN_UP" }], 5)).toBeNull();
  expect(bakeEndsAt([], 5)).toBeNull();
});
