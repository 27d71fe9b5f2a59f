import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS, newNonce } from "@/lib/core/security/headers";
import { PATH_HEADER, PROTO_HEADER } from "@/lib/core/security/stamp-headers";

/**
 * Runs on every request (pages, server action posts, route handlers, static files): a fresh CSP
 * nonce per request — Next reads it from the request's CSP header and stamps it on its scripts —
 * and HSTS when the stamped scheme (scripts/lib/request-stamp.cjs) is https. The headers that
 * never vary are set in next.config.ts.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  // Next's router answers a path whose %-escapes do not decode with a bare 500; it is a 404.
  if (!pathDecodes(request.nextUrl.pathname)) {
    const response = new NextResponse("Not found.", { status: 404, headers: { "content-type": "text/plain" } });
    response.headers.set("Content-Security-Policy", csp);
    return response;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  // Where an SSO recheck returns to (lib/core/auth/guard.ts): pages are not told their own path.
  requestHeaders.set(PATH_HEADER, (request.nextUrl.pathname + request.nextUrl.search).slice(0, 2_000));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (request.headers.get(PROTO_HEADER) === "https") response.headers.set(HSTS.key, HSTS.value);
  return response;
}

function pathDecodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// Everything but the zip bundle upload: for a request the proxy runs on, Next buffers the whole body
// (up to proxyClientMaxBodySize) before the route handler starts, so the upload route could not
// refuse an anonymous or oversized request before reading it. That route sets its own headers.
export const config = { matcher: ["/((?!api/beanstalk/bundles$).*)"] };
