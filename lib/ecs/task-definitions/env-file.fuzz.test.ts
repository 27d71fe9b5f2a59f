import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { parseEnvFile } from "./env-file";

describe("env files under fuzz", () => {
  it("parse quickly into variables and errors, including unclosed quotes over many lines", () => {
    expect(quick(() => parseEnvFile(`A="${"x\n".repeat(100_000)}`)).errors).toHaveLength(1);
    fc.assert(
      fc.property(hostile, (text) => {
        const out = quick(() => parseEnvFile(text));
        expect(Array.isArray(out.vars) && Array.isArray(out.errors)).toBe(true);
      }),
      { numRuns: 1_500 },
    );
  });
});
