import { describe, expect, it } from "vitest";
import { LineBuffer, RecentIds } from "./line-buffer";

describe("LineBuffer", () => {
  it("keeps order while growing and drops the oldest past capacity, counting them", () => {
    const buffer = new LineBuffer<number>(3000);
    expect(buffer.push(Array.from({ length: 2500 }, (_, i) => i))).toBe(0);
    expect(buffer.push(Array.from({ length: 1000 }, (_, i) => 2500 + i))).toBe(500);
    expect(buffer.length).toBe(3000);
    expect(buffer.dropped).toBe(500);
    expect(buffer.get(0)).toBe(500);
    expect(buffer.get(2999)).toBe(3499);
    expect(buffer.get(3000)).toBeUndefined();
    const all = Array.from({ length: buffer.length }, (_, i) => buffer.get(i));
    expect(all).toEqual(Array.from({ length: 3000 }, (_, i) => 500 + i));
  });

  it("grows after wrapping without losing order", () => {
    const buffer = new LineBuffer<number>(5000);
    buffer.push(Array.from({ length: 1024 }, (_, i) => i));
    buffer.push([1024, 1025]);
    expect(buffer.get(1023)).toBe(1023);
    expect(buffer.get(1025)).toBe(1025);
    buffer.clear();
    expect([buffer.length, buffer.dropped]).toEqual([0, 0]);
  });
});

describe("RecentIds", () => {
  it("remembers ids up to its capacity, forgetting the oldest", () => {
    const ids = new RecentIds(2);
    expect(ids.add("a")).toBe(true);
    expect(ids.add("a")).toBe(false);
    ids.add("b");
    ids.add("c");
    expect([ids.has("a"), ids.has("b"), ids.has("c"), ids.size]).toEqual([false, true, true, 2]);
  });
});
