import { describe, expect, it } from "vitest";
import { summarizeResponse } from "./summary";

describe("summarizeResponse", () => {
  it("keeps small responses whole and serialises dates", () => {
    const at = new Date("2026-11-22T00:00:00Z");
    expect(summarizeResponse({ cluster: { name: "a", createdAt: at } })).toEqual({ cluster: { name: "a", createdAt: "2026-11-22T00:00:00.000Z" } });
  });

  it("cuts long arrays and strings", () => {
    const out = summarizeResponse({ arns: Array.from({ length: 60 }, (_, i) => i), s: "x".repeat(3000) }) as { arns: unknown[]; s: string };
    expect(out.arns).toHaveLength(51);
    expect(out.arns[50]).toBe("… 10 more");
    expect(out.s.endsWith("(3000 chars)")).toBe(true);
  });
});
