import { describe, expect, it } from "vitest";
import { fileStamp, resolveRange } from "./time-range";

const now = Date.parse("2026-11-22T06:00:00Z");

describe("resolveRange", () => {
  it("resolves presets against now and keeps following", () => {
    expect(resolveRange({ range: "5m" }, now)).toEqual({ ok: true, startMs: now - 5 * 60_000, endMs: null });
    expect(resolveRange({ range: "3h" }, now)).toEqual({ ok: true, startMs: now - 3 * 3600_000, endMs: null });
    expect(resolveRange({}, now)).toEqual({ ok: true, startMs: now - 15 * 60_000, endMs: null });
  });

  it("takes a custom range; an end in the past closes it, no end follows", () => {
    expect(resolveRange({ range: "custom", start: "2026-11-22T05:00:00Z", end: "2026-11-22T05:30:00Z" }, now)).toEqual({
      ok: true,
      startMs: Date.parse("2026-11-22T05:00:00Z"),
      endMs: Date.parse("2026-11-22T05:30:00Z"),
    });
    expect(resolveRange({ range: "custom", start: "2026-11-22T05:00:00Z" }, now)).toMatchObject({ ok: true, endMs: null });
  });

  it("refuses what cannot be read, naming the field", () => {
    expect(resolveRange({ range: "custom" }, now)).toMatchObject({ ok: false, field: "start" });
    expect(resolveRange({ range: "custom", start: "2026-11-22T07:00:00Z" }, now)).toMatchObject({ ok: false, field: "start", message: "The start is in the future." });
    expect(resolveRange({ range: "custom", start: "2026-11-22T05:00:00Z", end: "2026-11-22T04:00:00Z" }, now)).toMatchObject({ ok: false, field: "end" });
    expect(resolveRange({ range: "custom", start: "2026-11-22T05:00:00Z", end: "soon" }, now)).toMatchObject({ ok: false, field: "end" });
    expect(resolveRange({ range: "custom", start: "2026-09-01T00:00:00Z" }, now)).toMatchObject({ ok: false, field: "start" });
    expect(resolveRange({ range: "2d" }, now)).toMatchObject({ ok: false, field: "range" });
  });

  it("stamps file names without separators", () => {
    expect(fileStamp(now)).toBe("20261122T060000Z");
  });
});
