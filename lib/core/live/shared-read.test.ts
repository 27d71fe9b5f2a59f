import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { changedThroughPortside, live } from "./shared";
import { keyPart, sharedGlobalReader, sharedReader } from "./shared-read";

const conn = { id: "c1", updatedAt: new Date(1_000) };

describe("sharedReader", () => {
  beforeEach(() => live.cache.invalidate(""));

  it("makes one AWS read for many callers of the same thing, and separate reads for different arguments", async () => {
    const calls: string[] = [];
    const read = sharedReader("test:list", async (_c: typeof conn, region: string, cluster: string) => {
      calls.push(`${region}/${cluster}`);
      return [cluster];
    });
    const results = await Promise.all(Array.from({ length: 200 }, () => read(conn, "eu-west-1", "web")));
    expect(results.every((r) => r[0] === "web")).toBe(true);
    await read(conn, "eu-west-1", "web");
    await read(conn, "eu-west-1", "api");
    await read(conn, "us-east-1", "web");
    expect(calls).toEqual(["eu-west-1/web", "eu-west-1/api", "us-east-1/web"]);
  });

  it("reads again after a change made through Portside, in that region and for global services", async () => {
    let n = 0;
    const regional = sharedReader("test:n", async () => ++n);
    let roles = 0;
    const global = sharedGlobalReader("test:roles", async () => ++roles);
    expect(await regional(conn, "eu-west-1")).toBe(1);
    expect(await global(conn)).toBe(1);
    expect(await regional(conn, "eu-west-1")).toBe(1);
    changedThroughPortside(conn, "eu-west-1");
    expect(await regional(conn, "eu-west-1")).toBe(2);
    expect(await global(conn)).toBe(2);
  });

  it("does not keep a failed read: the next caller tries AWS again", async () => {
    let n = 0;
    const read = sharedReader("test:fail", async () => {
      n += 1;
      if (n === 1) throw new Error("ThrottlingException");
      return n;
    });
    await expect(read(conn, "eu-west-1")).rejects.toThrow("ThrottlingException");
    expect(await read(conn, "eu-west-1")).toBe(2);
  });

  it("reads again once the time to live has passed", async () => {
    let n = 0;
    const read = sharedReader("test:ttl", async () => ++n, 0);
    expect(await read(conn, "eu-west-1")).toBe(1);
    expect(await read(conn, "eu-west-1")).toBe(2);
  });

  it("a new version of the connection never sees the old one's results", async () => {
    let n = 0;
    const read = sharedReader("test:version", async () => ++n);
    await read(conn, "eu-west-1");
    expect(await read({ id: "c1", updatedAt: new Date(2_000) }, "eu-west-1")).toBe(2);
  });
});

describe("keyPart", () => {
  it("keeps strings, serializes the rest, and tells apart values that print alike", () => {
    expect(keyPart("web")).toBe("web");
    expect(keyPart(25)).toBe("25");
    expect(keyPart(undefined)).toBe("");
    expect(keyPart(["a", "b"])).toBe('["a","b"]');
    expect(keyPart({ nodegroupName: "ng" })).not.toBe(keyPart({ addonName: "ng" }));
  });

  it("is bounded and quick for any input", () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.array(hostile, { maxLength: 20 }), fc.dictionary(fc.string({ maxLength: 10 }), hostile)), (value) => {
        const out = quick(() => keyPart(value));
        expect(out.length).toBeLessThanOrEqual(600);
      }),
      { numRuns: 300 },
    );
  });
});
