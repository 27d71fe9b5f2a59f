import { expect, it } from "vitest";
import { TrafficHistory, bakeEndsAt } from "./traffic-history";

const t = (s: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, s));

it("keeps a point per change of share or stage, bounded", () => {
  const h = new TrafficHistory();
  h.observe("d1", 0, "SCALE_UP", t(0));
  h.observe("d1", 0, "SCALE_UP", t(1));
  h.observe("d1", 10, "PRODUCTION_TRAFFIC_SHIFT", t(2));
  const points = h.observe("d1", 100, "BAKE_TIME", t(8));
  expect(points.map((p) => [p.green, p.stage])).toEqual([[0, "SCALE_UP"], [10, "PRODUCTION_TRAFFIC_SHIFT"], [100, "BAKE_TIME"]]);
  for (let i = 0; i < 300; i++) h.observe("d2", i % 2, "PRODUCTION_TRAFFIC_SHIFT", t(i));
  expect(h.get("d2")).toHaveLength(120);
  expect(h.get("unknown")).toEqual([]);
});

it("the bake ends its bake time after it was first seen, while it lasts", () => {
  const points = [{ at: t(0).toISOString(), green: 100, stage: "BAKE_TIME" }];
  expect(bakeEndsAt(points, 5)).toBe(new Date(t(0).getTime() + 300_000).toISOString());
  expect(bakeEndsAt([...points, { at: t(9).toISOString(), green: 100, stage: "CLEAN_UP" }], 5)).toBeNull();
  expect(bakeEndsAt([], 5)).toBeNull();
});
