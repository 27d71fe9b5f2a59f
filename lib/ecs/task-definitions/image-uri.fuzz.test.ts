import fc from "fast-check";
import { describe, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { parseImageUri } from "./image-uri";

describe("image URIs under fuzz", () => {
  it("parse quickly, never throw", () => {
    fc.assert(fc.property(hostile, (text) => void quick(() => parseImageUri(text))), { numRuns: 1_500 });
  });
});
