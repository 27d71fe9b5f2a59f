import { describe, expect, it } from "vitest";
import { decodeSegment } from "./segments";

describe("decodeSegment", () => {
  it("decodes what the app encodes", () => {
    expect(decodeSegment("web")).toBe("web");
    expect(decodeSegment(encodeURIComponent("arn:aws:ecs:us-east-1:1:task/c/abc"))).toBe("arn:aws:ecs:us-east-1:1:task/c/abc");
  });

  it.each(["%", "%E0%A4%A", "%ZZ", "", "a%00b", "a%0Ab", "x".repeat(513)])("refuses %j", (raw) => {
    expect(decodeSegment(raw)).toBeNull();
  });
});
