import { describe, expect, it } from "vitest";
import { baselineOf, pushesFor, type PushedImage } from "./detect";

const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 2, 0, s));
const img = (digest: string, tags: string[], s: number): PushedImage => ({ digest, tags, pushedAt: at(s) });

describe("baselineOf", () => {
  it("starts at the newest push and counts that second's images as seen", () => {
    const { watermark, seen } = baselineOf([img("a", ["v1"], 5), img("b", ["v2"], 9), img("c", ["x"], 9)]);
    expect(watermark).toEqual(at(9));
    expect(seen.map((i) => i.digest)).toEqual(["b", "c"]);
  });

  it("an empty repository: every later push counts", () => {
    expect(baselineOf([]).watermark.getTime()).toBe(0);
  });
});

describe("pushesFor", () => {
  const rule = { tagPattern: "v*", watermark: at(10) };

  it("ignores images from before the watermark, non-matching tags and seen digests", () => {
    const images = [img("old", ["v0"], 3), img("latest", ["latest"], 12), img("seen", ["v1"], 11)];
    expect(pushesFor(rule, images, new Set(["seen"]))).toEqual({ act: null, superseded: [] });
  });

  it("acts on the newest matching push and supersedes the older ones of the same poll", () => {
    const images = [img("d2", ["v2", "latest"], 14), img("d1", ["v1"], 12), img("same-second", ["v0.9"], 10)];
    const { act, superseded } = pushesFor(rule, images, new Set());
    expect(act).toEqual({ digest: "d2", tag: "v2", pushedAt: at(14) });
    expect(superseded.map((p) => p.digest)).toEqual(["d1", "same-second"]);
  });

  it("an exact tag", () => {
    const { act } = pushesFor({ tagPattern: "main", watermark: at(0) }, [img("m", ["main"], 1), img("n", ["mainline"], 2)], new Set());
    expect(act?.digest).toBe("m");
  });
});
