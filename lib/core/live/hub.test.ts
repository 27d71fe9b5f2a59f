import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RelayedLiveError, WatchHub, type WatchEvent } from "./hub";
import { memoryRelay } from "./relay";

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

describe("WatchHub shared between instances (relay)", () => {
  it("polls once for every instance: one leads, the others follow its results", async () => {
    const relay = memoryRelay();
    const hubs = [0, 1, 2].map(() => new WatchHub({ relay: relay.instance() }));
    let n = 0;
    const source = counterSource(() => ++n);
    const seen: number[][] = hubs.map(() => []);
    const unsubs = hubs.flatMap((hub, i) => [0, 1, 2, 3, 4].map(() => hub.subscribe("svc", source, (e) => e.type === "data" && seen[i].push(e.value as number))));
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(3000);
    expect(source.polls).toBe(4);
    // Every subscriber on every instance hears each value (5 subscribers per instance).
    for (const list of seen) expect(new Set(list)).toEqual(new Set([1, 2, 3, 4]));
    expect(hubs.map((h) => h.stats().roles)).toEqual([
      { local: 0, claiming: 0, leader: 1, follower: 0 },
      { local: 0, claiming: 0, leader: 0, follower: 1 },
      { local: 0, claiming: 0, leader: 0, follower: 1 },
    ]);
    unsubs.forEach((u) => u());
  });

  it("hands the key to a follower when the leader's viewers leave, without a gap", async () => {
    const relay = memoryRelay();
    const [a, b] = [new WatchHub({ relay: relay.instance(), lingerMs: 1000 }), new WatchHub({ relay: relay.instance(), lingerMs: 1000 })];
    let n = 0;
    const source = counterSource(() => ++n);
    const leaveA = a.subscribe("svc", source, () => {});
    await vi.advanceTimersByTimeAsync(0);
    const onB: number[] = [];
    b.subscribe("svc", source, (e) => e.type === "data" && onB.push(e.value as number));
    await vi.advanceTimersByTimeAsync(0);
    expect(onB).toEqual([1]);
    leaveA();
    await vi.advanceTimersByTimeAsync(1000); // A's poller lingers, then lets go; B takes over at once
    expect(b.stats().roles.leader).toBe(1);
    const before = source.polls;
    await vi.advanceTimersByTimeAsync(3000);
    expect(source.polls - before).toBeGreaterThanOrEqual(3);
    expect(onB.at(-1)).toBe(n);
  });

  it("relays failures as the person-readable message only, and keeps polling after them", async () => {
    const relay = memoryRelay();
    const toRelayError = (error: unknown) => ({ message: `shown: ${(error as Error).message}`, requestId: "req-1" });
    const [a, b] = [new WatchHub({ relay: relay.instance(), toRelayError }), new WatchHub({ relay: relay.instance(), toRelayError })];
    const source = { intervalMs: 1000, poll: async () => Promise.reject(new Error("secret internals")) };
    a.subscribe("svc", source, () => {});
    await vi.advanceTimersByTimeAsync(0);
    const onB: WatchEvent<unknown>[] = [];
    b.subscribe("svc", source, (e) => onB.push(e));
    await vi.advanceTimersByTimeAsync(0);
    expect(onB[0]).toMatchObject({ type: "error" });
    const error = (onB[0] as { error: RelayedLiveError }).error;
    expect(error).toBeInstanceOf(RelayedLiveError);
    expect(error.message).toBe("shown: secret internals");
    expect(error.requestId).toBe("req-1");
  });

  it("polls locally when the relay is down, and keeps local-only sources local", async () => {
    const relay = memoryRelay();
    const [a, b] = [new WatchHub({ relay: relay.instance() }), new WatchHub({ relay: relay.instance() })];
    const tail = Object.assign(counterSource(() => "lines"), { local: true });
    a.subscribe("logs", tail, () => {});
    b.subscribe("logs", tail, () => {});
    relay.state.down = true;
    const svc = counterSource(() => "v");
    a.subscribe("svc", svc, () => {});
    b.subscribe("svc", svc, () => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(tail.polls).toBe(2);
    expect(svc.polls).toBe(2);
    expect(a.stats().roles).toMatchObject({ local: 2, leader: 0 });
  });

  it("a follower takes over when the leader's lease ends without a word (its process died)", async () => {
    const relay = memoryRelay();
    const a = new WatchHub({ relay: relay.instance() });
    const b = new WatchHub({ relay: relay.instance() });
    const source = counterSource(() => "v", 1000);
    a.subscribe("svc", source, () => {});
    await vi.advanceTimersByTimeAsync(0);
    b.subscribe("svc", source, () => {});
    await vi.advanceTimersByTimeAsync(0);
    relay.owners.delete("svc"); // the database session of A ended: its advisory lock is gone
    await vi.advanceTimersByTimeAsync(5_000);
    expect(b.stats().roles.leader).toBe(1);
  });
});
