import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "../testing/fuzz";
import { OidcConfigError, parseRoleMap, roleFromClaim } from "./oidc-config";

describe("the role map parser under fuzz", () => {
  it("parses quickly or refuses with its own error, never throws anything else", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        try {
          const map = quick(() => parseRoleMap(text));
          quick(() => roleFromClaim(map, text.split(",")));
        } catch (error) {
          if (!(error instanceof OidcConfigError)) throw error;
        }
      }),
      { numRuns: 1_500 },
    );
  });

  it("any claim value, of any type, gives a role or null", () => {
    const map = parseRoleMap("ops=operator,*=viewer");
    fc.assert(
      fc.property(fc.anything(), (claim) => {
        expect([null, "viewer", "operator", "admin"]).toContain(quick(() => roleFromClaim(map, claim)));
      }),
      { numRuns: 1_000 },
    );
  });
});
