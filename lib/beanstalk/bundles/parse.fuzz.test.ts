import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { parseBundle } from "./parse";

const pieces = fc.array(fc.constantFrom("services:", "\n", "  ", "image: ", "{", "}", "[", "]", '"', "AWSEBDockerrunVersion", ":", "1", "&a", "*a", "\t", "#", "Ports", "ContainerPort"), { maxLength: 400 }).map((a) => a.join(""));

describe("parseBundle under fuzz", () => {
  it("ends quickly with a result or a message for any text", () => {
    fc.assert(
      fc.property(fc.oneof(hostile, pieces), (text) => {
        const out = quick(() => parseBundle(text));
        expect(typeof out.ok).toBe("boolean");
        if (!out.ok) expect(out.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 400, seed: 15 },
    );
  });
  it("survives the largest text it reads, deeply nested", () => {
    quick(() => parseBundle("{".repeat(60_000)));
    quick(() => parseBundle(`services:\n${"  a:\n    image: x\n".repeat(1_000)}`));
  });
});
