import { describe, expect, it } from "vitest";
import { MAX_PATTERN_LENGTH, TagPatternError, matchingTag, parseTagPattern, tagMatches } from "./pattern";

const matches = (pattern: string, tag: string) => tagMatches(parseTagPattern(pattern), tag);

describe("tag patterns", () => {
  it("matches exact tags exactly", () => {
    expect(matches("main", "main")).toBe(true);
    expect(matches("main", "main2")).toBe(false);
    expect(matches("main", "Main")).toBe(false);
  });

  it("matches globs with * anywhere", () => {
    expect(matches("v*", "v1.2.0")).toBe(true);
    expect(matches("v*", "v")).toBe(true);
    expect(matches("v*", "latest")).toBe(false);
    expect(matches("*-eu", "api-eu")).toBe(true);
    expect(matches("*-eu", "api-us")).toBe(false);
    expect(matches("release-*-eu", "release-3-eu")).toBe(true);
    expect(matches("release-*-eu", "release-eu")).toBe(false);
    expect(matches("a*b*c", "aXbYc")).toBe(true);
    expect(matches("a*b*c", "acb")).toBe(false);
    expect(matches("a*a", "a")).toBe(false);
    expect(matches("ab*ba", "aba")).toBe(false);
  });

  it("refuses what ECR tags cannot hold, with a message for the field", () => {
    for (const [raw, message] of [
      ["", "Enter a tag"],
      ["v 1", "Use letters"],
      ["v**", "one *"],
      ["*", "only *"],
      ["a*b*c*d*e*f", "at most 4"],
      ["-v*", "start with"],
      ["x".repeat(MAX_PATTERN_LENGTH + 1), "at most 128"],
    ] as const) {
      expect(() => parseTagPattern(raw), raw).toThrow(TagPatternError);
      expect(() => parseTagPattern(raw), raw).toThrow(message);
    }
  });

  it("picks the first matching tag of an image", () => {
    expect(matchingTag(parseTagPattern("v*"), ["latest", "v2", "v3"])).toBe("v2");
    expect(matchingTag(parseTagPattern("v*"), ["latest"])).toBeNull();
  });
});
