import { describe, expect, it } from "vitest";
import { MAX_PATTERN_LENGTH, parseEventPattern, patternProblem, s3ObjectCreatedPattern } from "./pattern";

describe("event patterns", () => {
  it("accepts what EventBridge accepts", () => {
    for (const text of [
      '{"source":["aws.s3"]}',
      '{"detail":{"object":{"key":[{"prefix":"in/"},{"suffix":".csv"}]}}}',
      '{"detail":{"size":[{"numeric":[">",0,"<=",5]}],"code":[{"anything-but":["a","b"]}],"x":[{"exists":false}],"y":[null,true,3]}}',
      '{"detail":{"key":[{"anything-but":{"prefix":"tmp/"}}],"ip":[{"cidr":"10.0.0.0/8"}],"w":[{"wildcard":"a*b"}],"c":[{"equals-ignore-case":"X"}]}}',
    ]) expect(patternProblem(text), text).toBeNull();
  });

  it("names the field and what is wrong", () => {
    expect(patternProblem("")).toMatch(/Enter an event pattern/);
    expect(patternProblem("{source: x}")).toMatch(/not valid JSON/);
    expect(patternProblem('["aws.s3"]')).toMatch(/JSON object/);
    expect(patternProblem("{}")).toMatch(/empty/);
    expect(patternProblem('{"source":"aws.s3"}')).toBe('source must be an array of values (e.g. ["x"]) or an object.');
    expect(patternProblem('{"source":[]}')).toMatch(/^source is an empty array/);
    expect(patternProblem('{"detail":{"key":[{"prefix":1}]}}')).toBe("detail.key[0]: prefix takes a string.");
    expect(patternProblem('{"detail":{"key":[{"startsWith":"a"}]}}')).toMatch(/^detail.key\[0\]: "startsWith" is not an EventBridge operator/);
    expect(patternProblem('{"n":[{"numeric":[">",5,"<",1]}]}')).toMatch(/lower bound/);
    expect(patternProblem('{"n":[{"numeric":["!=",5]}]}')).toMatch(/operators are/);
    expect(patternProblem('{"n":[{"exists":"yes"}]}')).toMatch(/exists takes true or false/);
    expect(patternProblem('{"n":[{"prefix":"a","suffix":"b"}]}')).toMatch(/exactly one operator/);
    expect(patternProblem('{"n":[["a"]]}')).toMatch(/nested arrays/);
    expect(patternProblem('{"n":[{"anything-but":[1,"a"]}]}')).toMatch(/anything-but takes/);
  });

  it("is bounded: length, depth and number of values", () => {
    expect(patternProblem(`{"a":["${"x".repeat(MAX_PATTERN_LENGTH)}"]}`)).toMatch(/at most 4096/);
    expect(patternProblem("{\"a\":".repeat(12) + '["x"]' + "}".repeat(12))).toMatch(/more than 10 levels/);
    expect(patternProblem(JSON.stringify({ a: Array.from({ length: 301 }, (_, i) => i) }))).toMatch(/more than 300 values/);
  });

  it("builds the S3 Object Created pattern; prefix and suffix together as one wildcard", () => {
    expect(s3ObjectCreatedPattern("uploads")).toEqual({ source: ["aws.s3"], "detail-type": ["Object Created"], detail: { bucket: { name: ["uploads"] } } });
    expect(s3ObjectCreatedPattern("uploads", "in/").detail).toEqual({ bucket: { name: ["uploads"] }, object: { key: [{ prefix: "in/" }] } });
    expect(s3ObjectCreatedPattern("uploads", "", ".csv").detail).toMatchObject({ object: { key: [{ suffix: ".csv" }] } });
    expect(s3ObjectCreatedPattern("uploads", "in*/", ".csv").detail).toMatchObject({ object: { key: [{ wildcard: "in\\*/*.csv" }] } });
    expect(parseEventPattern(JSON.stringify(s3ObjectCreatedPattern("uploads", "a", "b")))).toBeTruthy();
  });
});
