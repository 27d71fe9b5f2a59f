import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { parseSignatureHeader, signatureHeader, verifySignature, TOLERANCE_SECONDS } from "./signing";

const secret = "s3cret-of-at-least-16";
const body = '{"type":"test"}';
const now = 1_800_000_000;

describe("webhook signatures", () => {
  it("sign over `timestamp.body`; the receiver's check accepts them", () => {
    const header = signatureHeader(secret, body, now);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(header, body, secret, now)).toEqual({ ok: true });
  });

  it("refuse a changed body, another secret, a replay after the tolerance, and a timestamp from the future", () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature(header, body + " ", secret, now)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature(header, body, "another-secret-entirely", now)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature(header, body, secret, now + TOLERANCE_SECONDS + 1)).toEqual({ ok: false, reason: "too-old" });
    expect(verifySignature(header, body, secret, now - TOLERANCE_SECONDS - 1)).toEqual({ ok: false, reason: "too-old" });
    expect(verifySignature(header, body, secret, now + TOLERANCE_SECONDS)).toEqual({ ok: true });
  });

  it("a timestamp moved forward with the old signature does not verify", () => {
    const header = signatureHeader(secret, body, now).replace(`t=${now}`, `t=${now + 600}`);
    expect(verifySignature(header, body, secret, now + 600)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("parses bounded headers only, and any text quickly to a value or null", () => {
    expect(parseSignatureHeader(`t=1,v1=${"a".repeat(64)},${"x".repeat(600)}`)).toBeNull();
    expect(parseSignatureHeader("v1=abc")).toBeNull();
    fc.assert(fc.property(hostile, (text) => {
      quick(() => parseSignatureHeader(text));
      expect(quick(() => verifySignature(text, body, secret, now)).ok).toBe(false);
    }), { numRuns: 1_500 });
  });
});
