import { beforeEach, describe, expect, it } from "vitest";
import { open, seal } from "./secret-box";

describe("secret box", () => {
  beforeEach(() => {
    process.env.PORTSIDE_SECRET_KEY = "unit-test-key";
  });

  it("round-trips and never stores the plain text", () => {
    const sealed = seal("wJalrXUtnFEMI/K7MDENG");
    expect(sealed).not.toContain("wJalrXUtnFEMI");
    expect(open(sealed)).toBe("wJalrXUtnFEMI/K7MDENG");
  });

  it("uses a fresh IV each time", () => {
    expect(seal("same")).not.toBe(seal("same"));
  });

  it("refuses ciphertext sealed under another key", () => {
    const sealed = seal("secret");
    process.env.PORTSIDE_SECRET_KEY = "another-key";
    expect(() => open(sealed)).toThrow();
  });
});
