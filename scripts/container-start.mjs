#!/usr/bin/env node
// The container image's entry point (Dockerfile CMD), also what e2e/image.spec.ts starts: apply
// migrations, then run the standalone server as `npm start` does, without the embedded database and
// sandbox. Production needs DATABASE_URL (RDS / Aurora PostgreSQL) and PORTSIDE_SECRET_KEY (from
// Secrets Manager); AWS credentials come from the task role through the default credential chain.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMigrateDeploy } from "./migrate.mjs";
import { serverEnv } from "./lib/standalone.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const log = (msg) => console.log(`[portside] ${msg}`);

for (const name of ["DATABASE_URL", "PORTSIDE_SECRET_KEY"]) {
  if (!process.env[name]) {
    console.error(`[portside] ${name} is not set. The image keeps no state of its own: see README "Running Portside on AWS".`);
    process.exit(2);
  }
}

await runMigrateDeploy(process.env.DATABASE_URL);
log("migrations applied");

const preload = path.join(root, "scripts", "lib", "request-stamp.cjs");
const nodeOptions = [process.env.NODE_OPTIONS, `--require "${preload}"`, "--disable-proto=delete"].filter(Boolean).join(" ");
const server = spawn(process.execPath, [path.join(root, "server.js")], {
  cwd: root,
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...serverEnv({ host: process.env.HOST ?? "0.0.0.0", port: Number(process.env.PORT ?? 3000), nodeOptions }) },
  stdio: "inherit",
});
// The server drains on SIGTERM (running plan steps finish, live leases are handed over), then exits.
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
