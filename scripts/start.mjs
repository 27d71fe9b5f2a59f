#!/usr/bin/env node
// `npm start`: everything Portside needs on one machine, with no configuration.
// Embedded PostgreSQL (unless DATABASE_URL is set), migrations, the local AWS
// sandbox (when moto_server is installed), a build when sources changed, then
// the panel. Ctrl-C stops everything this script started.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startSandbox } from "../sandbox/start.mjs";
import { buildIsStale, markBuildStarted, markBuilt } from "./lib/build-state.mjs";
import { startEmbeddedPostgres } from "./lib/embedded-db.mjs";
import { linkStandaloneAssets, serverEnv, standaloneDir } from "./lib/standalone.mjs";
import { runMigrateDeploy } from "./migrate.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const dataDir = path.resolve(root, env.PORTSIDE_DATA_DIR ?? ".portside");
const host = env.HOST ?? "127.0.0.1";
const port = Number(env.PORT ?? 3000);
const t0 = performance.now();
const log = (msg) => console.log(`[portside] ${msg}`);
const since = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

const stops = [];
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  for (const stop of stops.reverse()) await stop().catch((e) => console.error(e));
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

/** The key that encrypts stored AWS secrets: from the environment, else one kept in the data folder. */
function secretKey() {
  if (env.PORTSIDE_SECRET_KEY) return env.PORTSIDE_SECRET_KEY;
  const file = path.join(dataDir, "secret.key");
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64"), { mode: 0o600 });
    log(`generated the secrets key in ${path.relative(root, file)} (set PORTSIDE_SECRET_KEY in production)`);
  }
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * NODE_OPTIONS for `next start`: the request stamp preload (the client address and scheme as the
 * socket says, see scripts/lib/request-stamp.cjs) and no `__proto__` accessor, so a prototype
 * pollution bug elsewhere has no `__proto__` to reach through. Appended to any the user set.
 */
function serverNodeOptions() {
  const preload = path.join(root, "scripts/lib/request-stamp.cjs");
  const quoted = `"${preload.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  return [env.NODE_OPTIONS, `--require ${quoted}`, "--disable-proto=delete"].filter(Boolean).join(" ");
}

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`))));
  });
}

async function main() {
  fs.mkdirSync(dataDir, { recursive: true });
  env.PORTSIDE_SECRET_KEY = secretKey();

  // moto takes about a second to boot: start it while the database comes up.
  const sandboxStarting =
    env.PORTSIDE_SANDBOX === "off"
      ? Promise.resolve(null)
      : startSandbox({ port: Number(env.PORTSIDE_SANDBOX_PORT ?? 4566), log: (m) => log(`sandbox: ${m}`) }).then((sandbox) => {
          if (sandbox) stops.push(sandbox.stop);
          return sandbox;
        });

  if (!env.DATABASE_URL) {
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "pg"),
      // Generated on first start; folders from before it existed are moved off postgres/postgres.
      passwordFile: path.join(dataDir, "pg-password"),
      port: Number(env.PORTSIDE_PG_PORT ?? 54329),
      // Only our own housekeeping notes; server output stays quiet, as before.
      log: (line) => /^(replaced the default PostgreSQL password|pg_hba\.conf:)/.test(line) && log(line),
    });
    stops.push(pg.stop);
    env.DATABASE_URL = pg.url;
    log(`embedded PostgreSQL on port ${pg.port} (${since()})`);
  }
  await runMigrateDeploy(env.DATABASE_URL);
  log(`migrations applied (${since()})`);

  const sandbox = await sandboxStarting;
  if (sandbox) {
    env.PORTSIDE_SANDBOX_ENDPOINT = sandbox.endpoint;
    log(`local AWS sandbox at ${sandbox.endpoint} (${since()})`);
  }

  const stale = buildIsStale(root);
  if (stale) {
    log(`building (${stale})…`);
    const startedAt = markBuildStarted();
    await run(path.join(root, "node_modules/.bin/next"), ["build"]);
    markBuilt(root, startedAt);
    log(`built (${since()})`);
  }

  // The standalone server, as the container image runs it (Dockerfile).
  linkStandaloneAssets(root);
  const next = spawn(process.execPath, [path.join(standaloneDir(root), "server.js")], {
    cwd: standaloneDir(root),
    // Portside handles SIGTERM itself (lib/core/health/shutdown.ts): running plan steps finish first.
    env: { ...env, ...serverEnv({ host, port, nodeOptions: serverNodeOptions() }) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  stops.push(() => new Promise((resolve) => {
    if (next.exitCode !== null) return resolve();
    next.once("exit", resolve);
    next.kill("SIGTERM");
  }));
  next.stdout.on("data", (chunk) => process.stdout.write(chunk));
  // Ready means the login page answers, which is after first-run setup has finished.
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
  for (let i = 0; i < 1200 && next.exitCode === null; i++) {
    const ok = await fetch(`${url}/login`).then((r) => r.ok, () => false);
    if (ok) {
      log(`Portside is ready at ${url} (${since()} from npm start)`);
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  next.on("exit", (code) => {
    if (!stopping) {
      log(`the panel exited (${code}); stopping`);
      shutdown(code ?? 1);
    }
  });
}

main().catch(async (error) => {
  console.error(`[portside] could not start: ${error.message}`);
  await shutdown(1);
});
