import { describe, expect, it } from "vitest";
import { Coalescer } from "./coalesce";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("Coalescer", () => {
  it("shares one in-flight read among identical callers", async () => {
    const cache = new Coalescer();
    const d = deferred<number>();
    let loads = 0;
    const load = () => (loads++, d.promise);
    const calls = Array.from({ length: 50 }, () => cache.get("k", 1000, load));
    d.resolve(7);
    expect(await Promise.all(calls)).toEqual(Array(50).fill(7));
    expect(loads).toBe(1);
  });

  it("reuses a result within its ttl and reloads after", async () => {
    let now = 0;
    const cache = new Coalescer({ now: () => now });
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get("k", 1000, load)).toBe(1);
    now = 999;
    expect(await cache.get("k", 1000, load)).toBe(1);
    now = 1000;
    expect(await cache.get("k", 1000, load)).toBe(2);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2 });
  });

  it("honours the shorter ttl when a caller wants fresher data", async () => {
    let now = 0;
    const cache = new Coalescer({ now: () => now });
    let loads = 0;
    await cache.get("k", 10_000, async () => ++loads);
    now = 600;
    expect(await cache.get("k", 500, async () => ++loads)).toBe(2);
  });

  it("lets a caller that accepts older data reuse what a caller wanting fresh data loaded", async () => {
    let now = 0;
    const cache = new Coalescer({ now: () => now });
    let loads = 0;
    await cache.get("k", 2_000, async () => ++loads);
    now = 5_000;
    expect(await cache.get("k", 15_000, async () => ++loads)).toBe(1);
    expect(await cache.get("k", 2_000, async () => ++loads)).toBe(2);
  });

  it("does not cache failures: the next caller retries", async () => {
    const cache = new Coalescer();
    let loads = 0;
    const failing = () => (loads++, Promise.reject(new Error("throttled")));
    await expect(cache.get("k", 1000, failing)).rejects.toThrow("throttled");
    await expect(cache.get("k", 1000, async () => (loads++, "ok"))).resolves.toBe("ok");
    expect(loads).toBe(2);
  });

  it("keeps different keys apart and invalidates by prefix", async () => {
    const cache = new Coalescer();
    let loads = 0;
    await cache.get("conn|r|ecs|a", 1000, async () => ++loads);
    await cache.get("conn|r|ecs|b", 1000, async () => ++loads);
    await cache.get("conn|r|logs|a", 1000, async () => ++loads);
    expect(loads).toBe(3);
    cache.invalidate("conn|r|ecs|");
    await cache.get("conn|r|ecs|a", 1000, async () => ++loads);
    await cache.get("conn|r|logs|a", 1000, async () => ++loads);
    expect(loads).toBe(4);
  });

  it("stays bounded: expired and then oldest settled entries go first, in-flight ones stay", async () => {
    let now = 0;
    const cache = new Coalescer({ maxEntries: 3, now: () => now });
    for (const k of ["a", "b", "c"]) await cache.get(k, 100, async () => k);
    const pending = deferred<string>();
    const inFlight = cache.get("d", 100, () => pending.promise);
    expect(cache.stats().entries).toBe(3);
    now = 50;
    let reloaded = false;
    await cache.get("a", 100, async () => ((reloaded = true), "a2"));
    expect(reloaded).toBe(true); // "a" was the oldest settled entry and was evicted
    pending.resolve("d");
    expect(await inFlight).toBe("d");
  });
});
