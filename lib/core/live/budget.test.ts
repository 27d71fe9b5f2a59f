import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ReadBudget, budgetScope } from "./budget";
import { WatchHub } from "./hub";

describe("ReadBudget", () => {
  it("allows a burst, then one poll per 1/rate seconds, per connection and region", () => {
    let now = 0;
    const budget = new ReadBudget({ perSecond: 2, burst: 3, now: () => now });
    expect([budget.take("c|1|eu"), budget.take("c|1|eu"), budget.take("c|1|eu")]).toEqual([0, 0, 0]);
    expect(budget.take("c|1|eu")).toBe(500);
    expect(budget.take("c|1|us")).toBe(0); // another region has its own bucket
    now = 500;
    expect(budget.take("c|1|eu")).toBe(0);
    expect(budget.stats().slowed).toBe(1);
  });

  it("splits the rate between instances", () => {
    let now = 0;
    const budget = new ReadBudget({ perSecond: 3, burst: 3, now: () => now });
    budget.setShare(1 / 3);
    expect(budget.take("s")).toBe(0);
    expect(budget.take("s")).toBe(1000);
    now = 1000;
    expect(budget.take("s")).toBe(0);
  });

  it("takes the connection and region from a live key", () => {
    expect(budgetScope("conn-1|1733500000000|eu-west-1|ecs|service|web|api")).toBe("conn-1|1733500000000|eu-west-1");
  });
});

describe("WatchHub with a read budget", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("slows the pollers of one connection and region to the budget, and leaves the others alone", async () => {
    const budget = new ReadBudget({ perSecond: 2, burst: 2 });
    const hub = new WatchHub({ budget });
    const polls = new Map<string, number>();
    const source = (key: string) => ({ intervalMs: 100, poll: async () => polls.set(key, (polls.get(key) ?? 0) + 1) });
    for (const key of ["c|1|eu|a", "c|1|eu|b", "c|1|eu|c", "c|1|us|d"]) hub.subscribe(key, source(key), () => {});
    await vi.advanceTimersByTimeAsync(10_000);
    const eu = ["c|1|eu|a", "c|1|eu|b", "c|1|eu|c"].reduce((s, k) => s + (polls.get(k) ?? 0), 0);
    // 10 s at 2 polls/s (+ a burst of 2) for the three eu keys together, instead of 3 × 100.
    expect(eu).toBeGreaterThanOrEqual(18);
    expect(eu).toBeLessThanOrEqual(23);
    expect(Math.min(...["c|1|eu|a", "c|1|eu|b", "c|1|eu|c"].map((k) => polls.get(k) ?? 0))).toBeGreaterThanOrEqual(5); // each gets its turn
    expect(polls.get("c|1|us|d")).toBeGreaterThanOrEqual(19); // us has its own budget: 2/s
  });
});
