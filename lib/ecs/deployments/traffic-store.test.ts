import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/core/testing/test-database";
import { MAX_TRAFFIC_POINTS } from "./traffic-history";

// Against a real Postgres (scripts/with-db.mjs or `npm test`): the steps must survive a restart
// and be the same for every instance, so they are tested on the real table.
let store: typeof import("./traffic-store");
let dbModule: typeof import("@/lib/core/db/client");
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;

beforeAll(async () => {
  database = await createTestDatabase("deployment_traffic");
  dbModule = await import("@/lib/core/db/client");
  store = await import("./traffic-store");
}, 60_000);

afterAll(async () => {
  await dbModule?.db().$disconnect();
  await database?.drop();
});

const t = (s: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, s));

describe("the traffic split's steps in Postgres", () => {
  it("keeps a point per change of share or stage, readable by another instance", async () => {
    await store.observeTraffic("d1", 0, "SCALE_UP", t(0));
    await store.observeTraffic("d1", 0, "SCALE_UP", t(1));
    await store.observeTraffic("d1", 10, "PRODUCTION_TRAFFIC_SHIFT", t(2));
    const points = await store.observeTraffic("d1", 100, "BAKE_TIME", t(8));
    expect(points.map((p) => [p.green, p.stage, p.at])).toEqual([
      [0, "SCALE_UP", t(0).toISOString()], [10, "PRODUCTION_TRAFFIC_SHIFT", t(2).toISOString()], [100, "BAKE_TIME", t(8).toISOString()],
    ]);
    // Nothing is held in the process: a fresh read (a restart, another instance) sees the same steps.
    expect(await store.trafficPoints("d1")).toEqual(points);
    expect(await store.trafficPoints("unknown")).toEqual([]);
  });

  it("two instances seeing the same step at once record it once", async () => {
    await Promise.all([store.observeTraffic("race", 10, "PRODUCTION_TRAFFIC_SHIFT", t(1)), store.observeTraffic("race", 10, "PRODUCTION_TRAFFIC_SHIFT", t(1))]);
    expect(await store.trafficPoints("race")).toHaveLength(1);
  });

  it("is bounded per deployment: the first point and the newest", async () => {
    for (let i = 0; i < MAX_TRAFFIC_POINTS + 30; i++) await store.observeTraffic("d2", i % 2, "PRODUCTION_TRAFFIC_SHIFT", t(i));
    const points = await store.trafficPoints("d2");
    expect(points).toHaveLength(MAX_TRAFFIC_POINTS);
    expect(points[0]!.at).toBe(t(0).toISOString());
    expect(points.at(-1)!.at).toBe(t(MAX_TRAFFIC_POINTS + 29).toISOString());
  });

  it("drops points older than 90 days, as ECS drops deployments", async () => {
    const old = new Date(Date.UTC(2026, 5, 1));
    await store.observeTraffic("old", 10, "BAKE_TIME", old);
    await store.observeTraffic("new", 10, "BAKE_TIME", t(0));
    expect(await store.pruneTraffic(t(0), true)).toBe(1);
    expect(await store.trafficPoints("old")).toEqual([]);
    expect(await store.trafficPoints("new")).toHaveLength(1);
  });
});
