import { describe, expect, it } from "vitest";
import { sameOrigin, uploadName } from "./upload-route";

const post = (headers: Record<string, string>) => new Request("http://127.0.0.1:3000/api/beanstalk/bundles", { method: "POST", headers });

describe("the upload route's request checks", () => {
  it("takes a request from this host or without an Origin, refuses another site's", () => {
    expect(sameOrigin(post({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }))).toBe(true);
    expect(sameOrigin(post({ host: "127.0.0.1:3000" }))).toBe(true);
    expect(sameOrigin(post({ host: "portside.example", "x-forwarded-host": "portside.example", origin: "https://portside.example" }))).toBe(true);
    expect(sameOrigin(post({ host: "127.0.0.1:3000", origin: "https://evil.example" }))).toBe(false);
    expect(sameOrigin(post({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3001" }))).toBe(false);
    expect(sameOrigin(post({ host: "127.0.0.1:3000", origin: "null" }))).toBe(false);
  });
  it("labels with the file's name only when it is a plain, short name", () => {
    expect(uploadName("app.zip")).toBe("app.zip");
    expect(uploadName(null)).toBe("bundle.zip");
    expect(uploadName("../../etc/passwd")).toBe("bundle.zip");
    expect(uploadName("a\u0000b.zip")).toBe("bundle.zip");
    expect(uploadName("x".repeat(201))).toBe("bundle.zip");
  });
});
