import { describe, expect, it } from "vitest";
import { filterPatternError, highlightSegments } from "./filter";

describe("filterPatternError", () => {
  it("accepts CloudWatch patterns", () => {
    for (const p of ["ERROR", '"GET /api"', '{ $.level = "error" }', "[ip, user, ..., status = 5*]", 'ERROR -"health check"', '"quote \\" inside"']) {
      expect(filterPatternError(p)).toBeNull();
    }
  });

  it("names what AWS would refuse", () => {
    expect(filterPatternError('"GET /api')).toMatch(/quoted term is not closed/);
    expect(filterPatternError('{ $.level = "error"')).toMatch(/\{ is not closed/);
    expect(filterPatternError("}")).toMatch(/closing \}/);
    expect(filterPatternError("x".repeat(1025))).toMatch(/1024/);
  });
});

describe("highlightSegments", () => {
  it("splits around every case-insensitive match", () => {
    expect(highlightSegments("GET /api 500 get", "get")).toEqual([
      { text: "GET", hit: true },
      { text: " /api 500 ", hit: false },
      { text: "get", hit: true },
    ]);
    expect(highlightSegments("abc", "")).toEqual([{ text: "abc", hit: false }]);
    expect(highlightSegments("aaa", "aa")).toEqual([{ text: "aa", hit: true }, { text: "a", hit: false }]);
  });
});
