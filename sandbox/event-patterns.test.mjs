// EventBridge pattern semantics and input transformers, as AWS documents them.
import { describe, expect, it } from "vitest";
import { matchesPattern, readPath, targetInput } from "./event-patterns.mjs";

const event = {
  source: "aws.s3",
  "detail-type": "Object Created",
  detail: { bucket: { name: "uploads" }, object: { key: "incoming/a.csv", size: 42 }, tags: ["x", "y"] },
};

describe("matchesPattern", () => {
  it("matches literals, nested objects, and OR inside an array", () => {
    expect(matchesPattern({ source: ["aws.s3"] }, event)).toBe(true);
    expect(matchesPattern({ source: ["aws.ec2", "aws.s3"], detail: { bucket: { name: ["uploads"] } } }, event)).toBe(true);
    expect(matchesPattern({ source: ["aws.ec2"] }, event)).toBe(false);
    expect(matchesPattern({ detail: { bucket: { name: ["other"] } } }, event)).toBe(false);
    expect(matchesPattern({ detail: { missing: { name: ["x"] } } }, event)).toBe(false);
  });

  it("prefix, suffix and equals-ignore-case", () => {
    expect(matchesPattern({ detail: { object: { key: [{ prefix: "incoming/" }] } } }, event)).toBe(true);
    expect(matchesPattern({ detail: { object: { key: [{ prefix: "outgoing/" }] } } }, event)).toBe(false);
    expect(matchesPattern({ detail: { object: { key: [{ suffix: ".csv" }] } } }, event)).toBe(true);
    expect(matchesPattern({ detail: { object: { key: [{ suffix: ".json" }] } } }, event)).toBe(false);
    expect(matchesPattern({ detail: { object: { key: [{ prefix: { "equals-ignore-case": "INCOMING/" } }] } } }, event)).toBe(true);
    expect(matchesPattern({ "detail-type": [{ "equals-ignore-case": "object created" }] }, event)).toBe(true);
    // A prefix never matches a number.
    expect(matchesPattern({ detail: { object: { size: [{ prefix: "4" }] } } }, event)).toBe(false);
  });

  it("anything-but: a value, a list, a prefix; a missing field never matches", () => {
    expect(matchesPattern({ source: [{ "anything-but": "aws.ec2" }] }, event)).toBe(true);
    expect(matchesPattern({ source: [{ "anything-but": ["aws.s3", "aws.ec2"] }] }, event)).toBe(false);
    expect(matchesPattern({ detail: { object: { key: [{ "anything-but": { prefix: "incoming/" } }] } } }, event)).toBe(false);
    expect(matchesPattern({ detail: { object: { key: [{ "anything-but": { suffix: ".json" } }] } } }, event)).toBe(true);
    expect(matchesPattern({ detail: { nope: [{ "anything-but": "x" }] } }, event)).toBe(false);
    // Every element of an array field must avoid the excluded values.
    expect(matchesPattern({ detail: { tags: [{ "anything-but": "y" }] } }, event)).toBe(false);
  });

  it("numeric ranges", () => {
    expect(matchesPattern({ detail: { object: { size: [{ numeric: [">", 0, "<=", 42] }] } } }, event)).toBe(true);
    expect(matchesPattern({ detail: { object: { size: [{ numeric: [">=", 43] }] } } }, event)).toBe(false);
    expect(matchesPattern({ detail: { object: { size: [{ numeric: ["=", 42] }] } } }, event)).toBe(true);
    expect(matchesPattern({ detail: { object: { key: [{ numeric: [">", 0] }] } } }, event)).toBe(false);
  });

  it("exists true and false", () => {
    expect(matchesPattern({ detail: { object: { key: [{ exists: true }] } } }, event)).toBe(true);
    expect(matchesPattern({ detail: { object: { version: [{ exists: true }] } } }, event)).toBe(false);
    expect(matchesPattern({ detail: { object: { version: [{ exists: false }] } } }, event)).toBe(true);
    expect(matchesPattern({ detail: { object: { key: [{ exists: false }] } } }, event)).toBe(false);
  });

  it("a nested pattern matches any object of an array field", () => {
    const ecs = { detail: { containers: [{ name: "a", exitCode: 0 }, { name: "b", exitCode: 137 }] } };
    expect(matchesPattern({ detail: { containers: { exitCode: [{ "anything-but": 0 }] } } }, ecs)).toBe(true);
    expect(matchesPattern({ detail: { containers: { exitCode: [{ numeric: [">", 200] }] } } }, ecs)).toBe(false);
  });

  it("array event fields match when any element does; wildcard", () => {
    expect(matchesPattern({ detail: { tags: ["y"] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { tags: ["z"] } }, event)).toBe(false);
    expect(matchesPattern({ detail: { object: { key: [{ wildcard: "incoming/*.csv" }] } } }, event)).toBe(true);
    expect(matchesPattern({ detail: { object: { key: [{ wildcard: "*.json" }] } } }, event)).toBe(false);
    expect(matchesPattern({ k: [{ wildcard: "a\\*b*" }] }, { k: "a*bc" })).toBe(true);
    expect(matchesPattern({ k: [{ wildcard: "a\\*b*" }] }, { k: "axbc" })).toBe(false);
  });
});

describe("targetInput", () => {
  it("fills an input transformer's template with the values its paths read", () => {
    const target = {
      InputTransformer: {
        InputPathsMap: { bucket: "$.detail.bucket.name", key: "$.detail.object.key", size: "$.detail.object.size" },
        InputTemplate: '{"containerOverrides":[{"name":"app","environment":[{"name":"S3_BUCKET","value":"<bucket>"},{"name":"S3_KEY","value":"<key>"}]}],"n":<size>}',
      },
    };
    expect(JSON.parse(targetInput(target, event))).toEqual({
      containerOverrides: [{ name: "app", environment: [{ name: "S3_BUCKET", value: "uploads" }, { name: "S3_KEY", value: "incoming/a.csv" }] }],
      n: 42,
    });
  });

  it("escapes quotes in values so the result stays JSON", () => {
    const quoted = { detail: { object: { key: 'a"b\\c' } } };
    const out = targetInput({ InputTransformer: { InputPathsMap: { key: "$.detail.object.key" }, InputTemplate: '{"k":"<key>"}' } }, quoted);
    expect(JSON.parse(out)).toEqual({ k: 'a"b\\c' });
  });

  it("a placeholder outside quotes takes the value's JSON; inside a longer string, its text", () => {
    const t = { InputPathsMap: { b: "$.detail.bucket.name", k: "$.detail.object.key", n: "$.detail.object.size" }, InputTemplate: '{"b":<b>,"url":"s3://<b>/<k>","n":<n>,"x":"<nope>"}' };
    expect(JSON.parse(targetInput({ InputTransformer: t }, event))).toEqual({ b: "uploads", url: "s3://uploads/incoming/a.csv", n: 42, x: "<nope>" });
  });

  it("constant Input, InputPath, or the whole event", () => {
    expect(targetInput({ Input: '{"a":1}' }, event)).toBe('{"a":1}');
    expect(JSON.parse(targetInput({ InputPath: "$.detail.bucket" }, event))).toEqual({ name: "uploads" });
    expect(JSON.parse(targetInput({}, event))).toEqual(event);
    expect(readPath({ a: [{ b: 1 }] }, "$.a[0].b")).toBe(1);
  });
});
