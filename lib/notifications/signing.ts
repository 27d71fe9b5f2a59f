import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Generic webhook signatures, Stripe-style: `Portside-Signature: t=<unix seconds>,v1=<hex>` where
 * v1 = HMAC-SHA256(secret, `${t}.${body}`). Signing the timestamp with the body lets a receiver
 * refuse replays: a captured request is only good while its timestamp is within the tolerance.
 */
export const SIGNATURE_HEADER = "Portside-Signature";
export const TOLERANCE_SECONDS = 300;
/** A header longer than this is not ours; parsing stops there. */
export const SIGNATURE_HEADER_MAX = 512;

const hmac = (secret: string, timestamp: number, body: string) => createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");

export function signatureHeader(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/** t and the v1 signatures of a header; null when it is not well formed. Bounded. */
export function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  if (header.length > SIGNATURE_HEADER_MAX) return null;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",", 8)) {
    const eq = part.indexOf("=");
    if (eq < 1) return null;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t") {
      if (!/^\d{1,12}$/.test(value)) return null;
      timestamp = Number(value);
    } else if (key === "v1") {
      if (!/^[0-9a-f]{64}$/.test(value)) return null;
      signatures.push(value);
    }
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

export type Verdict = { ok: true } | { ok: false; reason: "malformed" | "too-old" | "mismatch" };

/** What a receiver does: parse, refuse stale timestamps (either side of now), compare in constant time. */
export function verifySignature(header: string, body: string, secret: string, nowSeconds: number, tolerance = TOLERANCE_SECONDS): Verdict {
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { ok: false, reason: "malformed" };
  if (Math.abs(nowSeconds - parsed.timestamp) > tolerance) return { ok: false, reason: "too-old" };
  const expected = Buffer.from(hmac(secret, parsed.timestamp, body), "hex");
  const match = parsed.signatures.some((s) => timingSafeEqual(Buffer.from(s, "hex"), expected));
  return match ? { ok: true } : { ok: false, reason: "mismatch" };
}
