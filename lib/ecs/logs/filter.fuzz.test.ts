import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { filterPatternError } from "./filter";

describe("CloudWatch filter patterns under fuzz", () => {
  it("are checked quickly: a message or null", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const problem = quick(() => filterPatternError(text));
        expect(problem === null || typeof problem === "string").toBe(true);
      }),
      { numRuns: 1_500 },
    );
  });
});
