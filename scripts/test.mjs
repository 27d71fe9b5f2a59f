#!/usr/bin/env node
// `npm test`: unit tests (vitest) and end-to-end tests (Playwright against the
// built app, the sandbox and an embedded Postgres), then the one line CI reads:
// "N passed, N failed". Exits non-zero when any test fails or a runner breaks.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "./lib/embedded-db.mjs";
import { countPlaywright, countVitest } from "./lib/test-reports.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const reports = path.join(root, ".test-reports");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(bin, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, "node_modules/.bin", bin), args, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

// Unit tests that touch a database (migrations in sync) get a throwaway embedded Postgres with a
// random password, which only DATABASE_URL carries.
const pgDir = path.join(root, ".portside", "unit-pg");
fs.rmSync(pgDir, { recursive: true, force: true });
const pg = await startEmbeddedPostgres({ dataDir: pgDir, port: 0 });
const unitCode = await run("vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile=${path.join(reports, "vitest.json")}`], {
  DATABASE_URL: pg.url,
});
await pg.stop();

const e2eArgs = ["test", ...process.argv.slice(2)];
const e2eCode = await run("playwright", e2eArgs);

const unit = countVitest(path.join(reports, "vitest.json"));
const e2e = countPlaywright(path.join(reports, "playwright.json"));
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed;
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed · e2e: ${e2e.passed} passed, ${e2e.failed} failed`);
// A runner that crashed before reporting counts as a failure, never as a pass.
const broken = (unitCode !== 0 && unit.failed === 0) || (e2eCode !== 0 && e2e.failed === 0);
console.log(`${passed} passed, ${failed + (broken ? 1 : 0)} failed`);
process.exit(failed > 0 || broken || unitCode !== 0 || e2eCode !== 0 ? 1 : 0);
