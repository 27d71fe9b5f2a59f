import { describe, expect, it } from "vitest";
import { maskKeyId, visibleEmail } from "./privacy";

describe("privacy", () => {
  const owner = { id: "u1", email: "alice@example.com" };

  it("shows an e-mail to admins and to its owner only", () => {
    expect(visibleEmail({ id: "u2", role: "admin" }, owner)).toBe("alice@example.com");
    expect(visibleEmail({ id: "u1", role: "viewer" }, owner)).toBe("alice@example.com");
    expect(visibleEmail({ id: "u2", role: "viewer" }, owner)).toBeNull();
    expect(visibleEmail({ id: "u2", role: "operator" }, owner)).toBeNull();
  });

  it("masks access key ids", () => {
    expect(maskKeyId("AKIAIOSFODNN70001")).toBe("AKIA…0001");
    expect(maskKeyId("short")).toBe("…");
  });
});
