import fc from "fast-check";
import { describe, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { parseTrustedProxies } from "./trusted-proxies";

describe("PORTSIDE_TRUSTED_PROXIES under fuzz", () => {
  it("parses quickly, never throws", () => {
    fc.assert(fc.property(hostile, (text) => void quick(() => parseTrustedProxies(text))), { numRuns: 1_500 });
  });
});
