import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { addressClass, checkHost, checkTargetUrl } from "./url-guard";

const policies = fc.record({ allowPrivate: fc.boolean(), allowLoopback: fc.boolean() });
const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join("."));

describe("URL guard under fuzz", () => {
  it("hostile text: a message or null, quickly, never an exception", () => {
    fc.assert(fc.property(hostile, policies, (text, policy) => {
      quick(() => checkTargetUrl(text, policy));
      quick(() => checkHost(text, policy));
      quick(() => checkTargetUrl(`https://${text}/`, policy));
    }), { numRuns: 1_500 });
  });

  it("no IPv4 address in 169.254/16, 127/8, 10/8 or 192.168/16 passes a strict policy, in any spelling the URL parser accepts", () => {
    const strict = { allowPrivate: false, allowLoopback: false };
    fc.assert(fc.property(v4, fc.constantFrom("plain", "mapped", "decimal"), (ip, spelling) => {
      const cls = addressClass(ip);
      const [a, b, c, d] = ip.split(".").map(Number) as [number, number, number, number];
      const host = spelling === "plain" ? ip : spelling === "mapped" ? `[::ffff:${ip}]` : String(((a << 24) >>> 0) + (b << 16) + (c << 8) + d);
      const verdict = checkTargetUrl(`https://${host}/hook`, strict);
      if (cls !== "public") expect(verdict, host).not.toBeNull();
      else expect(verdict, host).toBeNull();
    }), { numRuns: 3_000 });
  });
});
