import fc from "fast-check";
import { describe, it } from "vitest";
import { hostile, NOW, quick } from "../testing/fuzz";
import { OidcAttemptError, parseAttempt } from "./oidc-cookie";

describe("the SSO attempt cookie under fuzz", () => {
  const refusedOrParsed = (text: string) => {
    try {
      quick(() => parseAttempt(text, NOW));
    } catch (error) {
      if (!(error instanceof OidcAttemptError)) throw error;
    }
  };

  it("hostile text parses quickly or is refused with its own error", () => {
    fc.assert(fc.property(hostile, refusedOrParsed), { numRuns: 1_500 });
  });

  it("any JSON value is refused or parsed, never crashes", () => {
    fc.assert(fc.property(fc.json({ maxDepth: 4 }), refusedOrParsed), { numRuns: 1_000 });
  });
});
