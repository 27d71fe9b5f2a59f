import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { PolicyProblem, parseRepositoryPolicy } from "./policy";

describe("repository policy check under fuzz", () => {
  it("parses quickly or fails with a PolicyProblem", () => {
    const jsonish = fc.oneof(hostile, fc.json(), fc.jsonValue().map((v) => JSON.stringify({ Version: "2012-10-17", Statement: [v] })));
    fc.assert(
      fc.property(jsonish, (text) => {
        quick(() => {
          try {
            parseRepositoryPolicy(text);
          } catch (error) {
            expect(error).toBeInstanceOf(PolicyProblem);
          }
        });
      }),
      { numRuns: 1_500 },
    );
  });
});
