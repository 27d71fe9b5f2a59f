import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { sameOrigin, uploadName } from "./upload-route";

describe("the upload route's header and name checks under fuzz", () => {
  it("any Origin or name ends quickly: a foreign Origin is never taken, a label name is always plain", () => {
    fc.assert(
      fc.property(hostile, hostile, (origin, name) => {
        const request = new Request("http://127.0.0.1:3000/api/beanstalk/bundles", { method: "POST", headers: { host: "127.0.0.1:3000" } });
        let withOrigin: Request | null = null;
        try {
          withOrigin = new Request(request, { headers: { host: "127.0.0.1:3000", origin } });
        } catch {
          // Not a valid header value: no browser could send it.
        }
        if (withOrigin && quick(() => sameOrigin(withOrigin))) expect(new URL(withOrigin.headers.get("origin")!).host).toBe("127.0.0.1:3000");
        const label = quick(() => uploadName(name));
        expect(label.length).toBeLessThanOrEqual(200);
        expect(label).not.toMatch(/[\u0000-\u001f\u007f/\\]/);
      }),
      { numRuns: 400, seed: 43 },
    );
  });
});
