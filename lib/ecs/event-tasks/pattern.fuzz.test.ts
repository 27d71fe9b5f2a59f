import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { PatternError, parseEventPattern } from "./pattern";

// JSON that is nearly a pattern: operators, nesting, numbers, wrong types.
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom("aws.s3", "", "__proto__", 1, -0, 1e308, null, true),
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom("source", "prefix", "suffix", "numeric", "anything-but", "exists", "wildcard", "cidr", "equals-ignore-case", "__proto__", "constructor"), tie("value"), { maxKeys: 4 }),
  ),
})).value.map((v) => JSON.stringify(v) ?? "");

describe("event patterns under fuzz", () => {
  it("parse quickly or fail with a PatternError", () => {
    fc.assert(
      fc.property(fc.oneof(hostile, jsonish), (text) => {
        quick(() => {
          try {
            parseEventPattern(text);
          } catch (error) {
            expect(error).toBeInstanceOf(PatternError);
          }
        });
      }),
      { numRuns: 2_000 },
    );
  });
});
