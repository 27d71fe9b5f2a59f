import fc from "fast-check";
import { describe, it } from "vitest";
import { hostile, quick } from "../testing/fuzz";
import { decodeSegment } from "./segments";

describe("URL segments under fuzz", () => {
  it("decode quickly or refuse, never throw", () => {
    fc.assert(fc.property(hostile, (text) => void quick(() => decodeSegment(text))), { numRuns: 1_500 });
  });
});
