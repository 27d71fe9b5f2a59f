import { describe, expect, it } from "vitest";
import { BUNDLE_LIMITS, parseBundle } from "./parse";

describe("parseBundle", () => {
  it("accepts a Dockerrun.aws.json v1", () => {
    expect(parseBundle('{"AWSEBDockerrunVersion":"1","Image":{"Name":"nginx:1.27"},"Ports":[{"ContainerPort":"8080"}]}')).toEqual({ ok: true, format: "dockerrun", images: ["nginx:1.27"], ports: [8080] });
  });
  it("refuses Dockerrun v2, missing images and bad ports", () => {
    expect(parseBundle('{"AWSEBDockerrunVersion":2}')).toMatchObject({ ok: false, message: expect.stringContaining("v2") });
    expect(parseBundle('{"AWSEBDockerrunVersion":"1","Ports":[{"ContainerPort":80}]}')).toMatchObject({ ok: false, message: expect.stringContaining("Image") });
    expect(parseBundle('{"AWSEBDockerrunVersion":"1","Image":{"Name":"x"},"Ports":[{"ContainerPort":70000}]}')).toMatchObject({ ok: false });
    expect(parseBundle("{not json")).toMatchObject({ ok: false, message: expect.stringContaining("not valid JSON") });
  });
  it("accepts a compose file and reads its images", () => {
    const yml = "services:\n  web:\n    image: \"nginx:1.27\" # pinned\n    ports:\n      - \"80:80\"\n  worker:\n    build: .\n";
    expect(parseBundle(yml)).toEqual({ ok: true, format: "compose", images: ["nginx:1.27"], ports: [] });
  });
  it("refuses compose files without services, with tabs or anchors", () => {
    expect(parseBundle("version: '3'\n")).toMatchObject({ ok: false, message: expect.stringContaining("services:") });
    expect(parseBundle("services:\n\tweb:\n\t\timage: x\n")).toMatchObject({ ok: false, message: expect.stringContaining("tab") });
    expect(parseBundle("services:\n  web: &w\n    image: x\n  b: *w\n")).toMatchObject({ ok: false, message: expect.stringContaining("anchor") });
    expect(parseBundle("services:\n  web:\n    ports: []\n")).toMatchObject({ ok: false, message: expect.stringContaining("image") });
  });
  it("holds its bounds", () => {
    expect(parseBundle("x".repeat(BUNDLE_LIMITS.bytes + 1))).toMatchObject({ ok: false, message: expect.stringContaining("KB") });
    expect(parseBundle("[".repeat(40).replace(/^\[/, "{"))).toMatchObject({ ok: false, message: expect.stringContaining("deeper") });
    expect(parseBundle("PK\u0003\u0004rest")).toMatchObject({ ok: false, message: expect.stringContaining("This is a zip") });
    expect(parseBundle("")).toMatchObject({ ok: false });
  });
});
