import fc from "fast-check";
import { expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { parseHookDetails } from "./hooks";

it("parseHookDetails ends quickly with a value or a message on hostile text", () => {
  const jsonish = fc.oneof(hostile, fc.json({ maxDepth: 12 }), fc.nat({ max: 3000 }).map((n) => `${"{\"a\":".repeat(n)}1${"}".repeat(n)}`));
  fc.assert(
    fc.property(jsonish, (text) => {
      const r = quick(() => parseHookDetails(text));
      expect("value" in r || "error" in r).toBe(true);
      if ("value" in r) expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    }),
    { numRuns: 300 },
  );
});
