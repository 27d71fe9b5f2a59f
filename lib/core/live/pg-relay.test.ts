import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostile, quick } from "../testing/fuzz";
import { createTestDatabase } from "../testing/test-database";
import { parseNotice, pgRelay } from "./pg-relay";

// Against a real Postgres (DATABASE_URL, from `npm test` or scripts/with-db.mjs): two relays are two
// Portside instances, each with its own database session, as behind a load balancer.
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let a: ReturnType<typeof pgRelay>;
let b: ReturnType<typeof pgRelay>;

beforeAll(async () => {
  database = await createTestDatabase("relay");
  a = pgRelay(database.url);
  b = pgRelay(database.url);
}, 60_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await database?.drop();
});

async function until(check: () => boolean, what: string) {
  for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) if (check()) return;
  throw new Error(`timed out waiting for ${what}`);
}

describe("pgRelay", () => {
  it("lets one instance lead a key; the other follows what it publishes", async () => {
    expect(await a.acquire("conn|1|eu-west-1|svc")).toBe(true);
    expect(await a.acquire("conn|1|eu-west-1|svc")).toBe(true); // asking again while holding it
    expect(await b.acquire("conn|1|eu-west-1|svc")).toBe(false);
    let published = 0;
    const stop = b.follow("conn|1|eu-west-1|svc", { onPublish: () => published++, onReleased: () => {} });
    const value = { tasks: Array.from({ length: 400 }, (_, i) => ({ id: `task-${i}`, lastStatus: "RUNNING" })) }; // well past NOTIFY's 8,000 bytes
    await a.publish("conn|1|eu-west-1|svc", { type: "data", value, at: 1 }, true);
    await until(() => published === 1, "the publish notice");
    expect(await b.latest("conn|1|eu-west-1|svc")).toEqual({ type: "data", value, at: 1 });
    await a.publish("conn|1|eu-west-1|svc", { type: "data", value, at: 2 }, false); // unchanged: stored, not announced
    expect((await b.latest("conn|1|eu-west-1|svc"))?.at).toBe(2);
    expect(published).toBe(1);
    stop();
  });

  it("a follower hears when the leader lets go, and can take the key", async () => {
    await a.acquire("k2");
    let released = 0;
    b.follow("k2", { onPublish: () => {}, onReleased: () => released++ });
    await a.release("k2");
    await until(() => released === 1, "the release notice");
    expect(await b.acquire("k2")).toBe(true);
    expect(await a.acquire("k2")).toBe(false);
  });

  it("a publish from an instance that does not hold the key is dropped", async () => {
    expect(await b.acquire("k3")).toBe(true);
    await a.publish("k3", { type: "data", value: "stale", at: 1 }, true);
    expect(await b.latest("k3")).toBeNull();
  });

  it("the lease ends with the leader's database session, so another instance can lead", async () => {
    const dying = pgRelay(database!.url);
    expect(await dying.acquire("k4")).toBe(true);
    expect(await a.acquire("k4")).toBe(false);
    await dying.close();
    let taken = false;
    for (const end = Date.now() + 5_000; !taken && Date.now() < end; await new Promise((r) => setTimeout(r, 50))) taken = (await a.acquire("k4")) === true;
    expect(taken).toBe(true);
  });

  it("tells the other instances of a change made through Portside, not itself", async () => {
    const onA: string[] = [];
    const onB: string[] = [];
    a.onChange((p) => onA.push(p));
    b.onChange((p) => onB.push(p));
    await a.broadcastChange("conn|1|eu-west-1|");
    await until(() => onB.length === 1, "the change notice");
    expect(onB).toEqual(["conn|1|eu-west-1|"]);
    expect(onA).toEqual([]);
  });
});

describe("parseNotice", () => {
  it("accepts only well-formed notices", () => {
    expect(parseNotice(JSON.stringify({ o: "x", t: "pub", k: "a".repeat(64) }))).toEqual({ o: "x", t: "pub", k: "a".repeat(64) });
    expect(parseNotice(JSON.stringify({ o: "x", t: "chg", p: "c|1|r|" }))).toEqual({ o: "x", t: "chg", p: "c|1|r|" });
    expect(parseNotice(JSON.stringify({ o: "x", t: "pub", k: "not-a-hash" }))).toBeNull();
    expect(parseNotice(JSON.stringify({ o: "x", t: "drop" }))).toBeNull();
    expect(parseNotice("{")).toBeNull();
    expect(parseNotice(undefined)).toBeNull();
  });

  it("is quick and total on hostile payloads", () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.jsonValue().map((v) => JSON.stringify(v))), (payload) => {
        const out = quick(() => parseNotice(payload));
        expect(out === null || typeof out === "object").toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
