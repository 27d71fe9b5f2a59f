import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { parseRange } from "./range";

describe("metric ranges under fuzz", () => {
  it("always end on one of the offered ranges", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(["1h", "6h", "24h", "7d"]).toContain(quick(() => parseRange(text)));
      }),
      { numRuns: 1_500 },
    );
  });
});
