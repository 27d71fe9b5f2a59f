import { describe, expect, it } from "vitest";
import { namesImage, namesRepository } from "./match";

const uri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web";
const digest = `sha256:${"a".repeat(64)}`;
const ref = { uri, tags: ["v1", "latest"], digest };

describe("which images a container names", () => {
  it("matches by tag, by digest and an untagged URI as latest", () => {
    expect(namesImage(`${uri}:v1`, ref)).toBe(true);
    expect(namesImage(`${uri}@${digest}`, ref)).toBe(true);
    expect(namesImage(uri, ref)).toBe(true);
    expect(namesImage(uri, { ...ref, tags: ["v1"] })).toBe(false);
  });

  it("does not match another tag, digest or a longer repository name", () => {
    expect(namesImage(`${uri}:v2`, ref)).toBe(false);
    expect(namesImage(`${uri}@sha256:${"b".repeat(64)}`, ref)).toBe(false);
    expect(namesImage(`${uri}-api:v1`, ref)).toBe(false);
    expect(namesRepository(`${uri}-api:v1`, uri)).toBe(false);
    expect(namesRepository(`${uri}:v9`, uri)).toBe(true);
  });
});
