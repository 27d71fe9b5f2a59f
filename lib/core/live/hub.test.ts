import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WatchHub, type WatchEvent } from "./hub";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function counterSource(values: () => unknown, intervalMs = 1000) {
  const source = { intervalMs, polls: 0, poll: async () => (source.polls++, values()) };
  return source;
}

describe("WatchHub", () => {
  it("runs one upstream poll per key however many subscribers watch it", async () => {
    const hub = new WatchHub();
    let n = 0;
    const source = counterSource(() => ++n);
    const seen: number[][] = [[], [], []];
    const unsubs = seen.map((list) => hub.subscribe("svc", source, (e) => e.type === "data" && list.push(e.value as number)));
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(3000);
    expect(source.polls).toBe(4);
    for (const list of seen) expect(list).toEqual([1, 2, 3, 4]);
    expect(hub.stats()).toMatchObject({ keys: 1, subscribers: 3 });
    unsubs.forEach((u) => u());
  });

  it("gives a late subscriber the latest value at once, without an extra poll", async () => {
    const hub = new WatchHub();
    const source = counterSource(() => "v1");
    hub.subscribe("svc", source, () => {});
    await vi.advanceTimersByTimeAsync(0);
    const late: WatchEvent<unknown>[] = [];
    hub.subscribe("svc", source, (e) => late.push(e));
    expect(late).toMatchObject([{ type: "data", value: "v1" }]);
    expect(source.polls).toBe(1);
  });

  it("pushes only changes", async () => {
    const hub = new WatchHub();
    const values = [{ a: 1 }, { a: 1 }, { a: 2 }, { a: 2 }];
    let i = 0;
    const source = counterSource(() => values[Math.min(i++, values.length - 1)]);
    const seen: unknown[] = [];
    hub.subscribe("svc", source, (e) => e.type === "data" && seen.push(e.value));
    await vi.advanceTimersByTimeAsync(3500);
    expect(source.polls).toBe(4);
    expect(seen).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it("stops polling shortly after the last subscriber leaves, and a quick reconnect keeps the poller", async () => {
    const hub = new WatchHub({ lingerMs: 2000 });
    const source = counterSource(() => Math.random());
    const off = hub.subscribe("svc", source, () => {});
    await vi.advanceTimersByTimeAsync(0);
    off();
    await vi.advanceTimersByTimeAsync(1000);
    const off2 = hub.subscribe("svc", source, () => {});
    await vi.advanceTimersByTimeAsync(5000);
    expect(hub.stats().keys).toBe(1);
    off2();
    await vi.advanceTimersByTimeAsync(2500);
    const polls = source.polls;
    expect(hub.stats().keys).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(source.polls).toBe(polls);
  });

  it("reports errors, backs off while they last and recovers", async () => {
    const hub = new WatchHub();
    let failing = true;
    const source = { intervalMs: 1000, maxIntervalMs: 4000, polls: 0, poll: async () => {
      source.polls++;
      if (failing) throw new Error("Rate exceeded");
      return "ok";
    } };
    const events: WatchEvent<unknown>[] = [];
    hub.subscribe("svc", source, (e) => events.push(e));
    await vi.advanceTimersByTimeAsync(0);
    expect(events[0]).toMatchObject({ type: "error", retryInMs: 2000 });
    await vi.advanceTimersByTimeAsync(2000);
    expect(events[1]).toMatchObject({ type: "error", retryInMs: 4000 });
    await vi.advanceTimersByTimeAsync(4000);
    expect(events[2]).toMatchObject({ type: "error", retryInMs: 4000 }); // capped
    failing = false;
    await vi.advanceTimersByTimeAsync(4000);
    expect(events[3]).toMatchObject({ type: "data", value: "ok" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(source.polls).toBe(5); // back to the normal interval
  });

  it("nudge polls at once instead of waiting for the next turn", async () => {
    const hub = new WatchHub();
    let n = 0;
    const source = counterSource(() => ++n, 10_000);
    const seen: unknown[] = [];
    hub.subscribe("c|r|ecs|svc", source, (e) => e.type === "data" && seen.push(e.value));
    await vi.advanceTimersByTimeAsync(0);
    hub.nudgePrefix("c|r|ecs|");
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([1, 2]);
  });
});
