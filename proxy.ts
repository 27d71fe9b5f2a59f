import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS, newNonce } from "@/lib/security/headers";
import { PROTO_HEADER } from "@/lib/security/stamp-headers";

/**
 * Runs on every request (pages, server action posts, route handlers, static files): a fresh CSP
 * nonce per request — Next reads it from the request's CSP header and stamps it on its scripts —
 * and HSTS when the stamped scheme (scripts/lib/request-stamp.cjs) is https. The headers that
 * never vary are set in next.config.ts.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (request.headers.get(PROTO_HEADER) === "https") response.headers.set(HSTS.key, HSTS.value);
  return response;
}
