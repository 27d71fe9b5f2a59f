import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { PolicyTextError, fromPolicyText } from "./policy";

describe("lifecycle policy import under fuzz", () => {
  it("parses quickly or fails with a PolicyTextError", () => {
    const jsonish = fc.oneof(hostile, fc.json(), fc.jsonValue().map((v) => JSON.stringify({ rules: [v] })));
    fc.assert(
      fc.property(jsonish, (text) => {
        quick(() => {
          try {
            fromPolicyText(text);
          } catch (error) {
            expect(error).toBeInstanceOf(PolicyTextError);
          }
        });
      }),
      { numRuns: 1_500 },
    );
  });
});
