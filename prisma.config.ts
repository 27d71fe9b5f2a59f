import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

// `prisma generate` only checks that a schema-engine binary exists; it cannot
// download one on machines without internet access. Migrations run through the
// wasm engine (scripts/migrate.mjs), so any existing file satisfies the check.
const engine = path.join(process.cwd(), "node_modules/@prisma/schema-engine-wasm/package.json");
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && fs.existsSync(engine)) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = engine;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://portside@127.0.0.1:5432/portside" },
});
