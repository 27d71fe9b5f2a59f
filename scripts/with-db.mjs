#!/usr/bin/env node
// Runs a command with DATABASE_URL pointing at a throwaway embedded Postgres, e.g.
//   node scripts/with-db.mjs npx vitest run lib/core/plans/executor.test.ts
// (what `npm test` does for the whole unit suite, for running a few database tests by hand).
// The server gets a random password, which only DATABASE_URL carries.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/embedded-db.mjs";

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error("usage: node scripts/with-db.mjs <command> [args…]");
  process.exit(2);
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portside-pg-"));
const pg = await startEmbeddedPostgres({ dataDir, port: 0 });
const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: pg.url } });
const code = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
await pg.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(code);
