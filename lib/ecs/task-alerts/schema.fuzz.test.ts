import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { parseEmails } from "./schema";

describe("e-mail lists under fuzz", () => {
  it("split quickly into at most what was sent, with a problem or only addresses", () => {
    const addresses = fc.array(fc.oneof(fc.emailAddress(), hostile), { maxLength: 20 }).map((a) => a.join(fc.sample(fc.constantFrom("\n", ",", ";", " , "), 1)[0]));
    fc.assert(
      fc.property(fc.oneof(hostile, addresses), (text) => {
        const { emails, problem } = quick(() => parseEmails(text));
        expect(Array.isArray(emails)).toBe(true);
        if (!problem) expect(emails.length).toBeLessThanOrEqual(10);
      }),
      { numRuns: 1_000 },
    );
  });
});
