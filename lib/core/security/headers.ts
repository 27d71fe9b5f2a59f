// The hardening headers every Portside response carries. The static ones are set for every path
// in next.config.ts; the CSP (a fresh nonce per request) and HSTS (only over https) in proxy.ts.

/** Headers that never vary by request. */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value: [
      "accelerometer=()", "autoplay=()", "camera=()", "display-capture=()", "geolocation=()",
      "gyroscope=()", "hid=()", "magnetometer=()", "microphone=()", "midi=()", "payment=()",
      "publickey-credentials-get=()", "serial=()", "usb=()", "xr-spatial-tracking=()", "interest-cohort=()",
    ].join(", "),
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Sent only when the request reached Portside over https: over http a browser ignores it anyway. */
export const HSTS = { key: "Strict-Transport-Security", value: "max-age=31536000" };

/** A fresh, unguessable nonce (128 bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy for one response. Scripts run only with this request's nonce
 * (Next stamps it on its own scripts) or when loaded by such a script ('strict-dynamic').
 * Styles allow inline: React and recharts set `style` attributes, which nonces cannot cover.
 * `dev` adds 'unsafe-eval', which React needs in development only for its error overlays.
 */
export function contentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
