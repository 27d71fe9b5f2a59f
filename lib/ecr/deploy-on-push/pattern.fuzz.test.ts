import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { TagPatternError, parseTagPattern, tagMatches } from "./pattern";

const tagChars = fc.constantFrom(..."abv01._-*".split(""));

describe("tag pattern parser under random and hostile input", () => {
  it("ends quickly with a pattern or its own error", () => {
    fc.assert(
      fc.property(hostile, (raw) => {
        quick(() => {
          try {
            const pattern = parseTagPattern(raw);
            tagMatches(pattern, raw.slice(0, 300));
          } catch (error) {
            expect(error).toBeInstanceOf(TagPatternError);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with a regular expression built from the glob", () => {
    fc.assert(
      fc.property(fc.string({ unit: tagChars, minLength: 1, maxLength: 20 }), fc.string({ unit: tagChars, maxLength: 30 }), (raw, tag) => {
        let pattern;
        try {
          pattern = parseTagPattern(raw);
        } catch {
          return;
        }
        const regex = new RegExp(`^${pattern.parts.map((p) => p.replace(/[.]/g, "\\.")).join(".*")}$`);
        expect(tagMatches(pattern, tag)).toBe(regex.test(tag));
      }),
      { numRuns: 1000 },
    );
  });
});
