import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";


describe("envHash", () => {
  beforeEach(() => vi.stubEnv("PORTSIDE_SECRET_KEY", "k1"));
  afterEach(() => vi.unstubAllEnvs());

  it("is the same for the same variables in any order, and differs when a value changes", async () => {
    const { envHash } = await import("./env-hash");
    const a = envHash([{ name: "A", value: "1" }, { name: "B", value: "2" }]);
    expect(envHash([{ name: "B", value: "2" }, { name: "A", value: "1" }])).toBe(a);
    expect(envHash([{ name: "A", value: "1" }, { name: "B", value: "3" }])).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
  });

  it("depends on the secret key, so a tag cannot be matched against guessed values", async () => {
    const { envHash } = await import("./env-hash");
    const a = envHash([{ name: "PASSWORD", value: "hunter2" }]);
    vi.stubEnv("PORTSIDE_SECRET_KEY", "k2");
    expect(envHash([{ name: "PASSWORD", value: "hunter2" }])).not.toBe(a);
  });
});
