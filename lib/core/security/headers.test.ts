import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from "./headers";

describe("security headers", () => {
  it("nonces are 128 random bits, different each time", () => {
    const [a, b] = [newNonce(), newNonce()];
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(a).not.toBe(b);
  });

  it("the CSP lets scripts run only with the nonce, and nothing may frame the panel", () => {
    const csp = contentSecurityPolicy("abc");
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(contentSecurityPolicy("abc", { dev: true })).toContain("'strict-dynamic' 'unsafe-eval'");
  });

  it("static headers deny framing and sniffing and switch off device features", () => {
    const byName = Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]));
    expect(byName["X-Frame-Options"]).toBe("DENY");
    expect(byName["X-Content-Type-Options"]).toBe("nosniff");
    expect(byName["Permissions-Policy"]).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\).*payment=\(\).*usb=\(\)/);
  });
});
