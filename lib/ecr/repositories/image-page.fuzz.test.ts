import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { IMAGE_SORTS, parseImagePageQuery } from "./image-page";

describe("image page query under fuzz", () => {
  it("always gives a page in range, a known order and a direction, quickly", () => {
    const value = fc.oneof(hostile, fc.array(hostile, { maxLength: 5 }), fc.constant(undefined));
    fc.assert(
      fc.property(value, value, value, (page, sort, dir) => {
        const q = quick(() => parseImagePageQuery({ page, sort, dir }));
        expect(Number.isInteger(q.page) && q.page >= 1 && q.page <= 100_000).toBe(true);
        expect(IMAGE_SORTS).toContain(q.sort);
        expect(["asc", "desc"]).toContain(q.dir);
      }),
      { numRuns: 1_000 },
    );
  });
});
