import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NOW, hostile, quick } from "@/lib/core/testing/fuzz";
import { parseLogView } from "./params";
import { resolveRange } from "./time-range";

describe("log view query strings under fuzz", () => {
  it("parse quickly into a view or a refusal; their time range resolves", () => {
    const key = fc.constantFrom("cluster", "service", "task", "container", "range", "start", "end", "pattern", "x");
    fc.assert(
      fc.property(fc.array(fc.tuple(key, hostile), { maxLength: 12 }), (pairs) => {
        const out = quick(() => parseLogView(new URLSearchParams(pairs), NOW));
        expect(typeof out.ok).toBe("boolean");
        quick(() => resolveRange(Object.fromEntries(pairs), NOW));
      }),
      { numRuns: 1_000 },
    );
  });
});
