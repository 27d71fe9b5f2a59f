// Shared by the benchmarks: start Portside as `npm start` does (fresh data folder, embedded Postgres,
// sandbox) on free ports, and make signed-in sessions without going through the sign-in form.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..", "..");
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The embedded database's URL: its password is generated at first start into the data folder. */
function embeddedDatabaseUrl(dataDir, pgPort) {
  const password = fs.readFileSync(path.join(dataDir, "pg-password"), "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/portside`;
}

/**
 * Starts Portside on a fresh data folder; `stop()` ends it (and its Postgres and sandbox).
 * `startApp(dataDir, { of: first })` starts another instance of the same deployment: the first's
 * database, sandbox and secret key, as a second server behind a load balancer would have.
 */
export async function startApp(dataDir, { of, env: extra = {} } = {}) {
  const [port, pgPort, sandboxPort] = [await freePort(), await freePort(), await freePort()];
  const env = { ...process.env, PORTSIDE_DATA_DIR: dataDir, PORT: String(port), PORTSIDE_PG_PORT: String(pgPort), PORTSIDE_SANDBOX_PORT: String(sandboxPort), ...extra };
  delete env.DATABASE_URL;
  if (of) Object.assign(env, { DATABASE_URL: of.databaseUrl, PORTSIDE_SANDBOX: "off", PORTSIDE_SANDBOX_ENDPOINT: of.sandbox });
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const deadline = Date.now() + 600_000;
  while (!output.includes("Portside is ready")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`Portside did not start:\n${output.slice(-4000)}`);
    await sleep(200);
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGINT");
    await exited;
  };
  if (of) return { base: `http://127.0.0.1:${port}`, sandbox: of.sandbox, databaseUrl: of.databaseUrl, stop };
  // The first start prints the administrator it created (scripts/start.mjs).
  const email = /Email:\s+(\S+)/.exec(output)?.[1];
  const password = /Password:\s+(\S+)/.exec(output)?.[1];
  return { base: `http://127.0.0.1:${port}`, sandbox: `http://127.0.0.1:${sandboxPort}`, databaseUrl: embeddedDatabaseUrl(dataDir, pgPort), email, password, stop };
}

/** A user with a session, as the login action makes one (the cookie holds a token, Postgres its sha256). */
export async function viewerCookie(databaseUrl, role = "viewer") {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const id = `bench-${randomUUID().slice(0, 8)}`;
    await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", role) VALUES ($1, $2, $3, $4, $5)`, [id, `${id}@bench.test`, id, "not-used", role]);
    const token = randomBytes(32).toString("base64url");
    const tokenHash = createHash("sha256").update(token).digest("hex");
    await client.query(`INSERT INTO "Session" (id, "tokenHash", "userId", "expiresAt") VALUES ($1, $2, $3, $4)`, [randomUUID(), tokenHash, id, new Date(Date.now() + 86_400_000)]);
    return `portside_session=${token}`;
  } finally {
    await client.end();
  }
}

/**
 * Opens one SSE live view of `url`; `onFirstData` runs when its first data event arrives. Returns
 * the promise of its read loop, which ends when `signal` aborts.
 */
export async function openLiveViewer(base, url, cookie, signal, onFirstData) {
  const res = await fetch(base + url, { headers: { cookie, accept: "text/event-stream" }, signal });
  if (res.status !== 200) throw new Error(`GET ${base}${url} → HTTP ${res.status}`);
  // Wrapped: an async function returning the read loop's promise would wait for the stream to end.
  return { done: (async () => {
    const decoder = new TextDecoder();
    let seen = false;
    try {
      for await (const chunk of res.body) {
        if (!seen && decoder.decode(chunk).includes("event: data")) {
          seen = true;
          onFirstData();
        }
      }
    } catch (error) {
      if (error.name !== "AbortError") throw error;
    }
  })() };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Chromium (Debian's, as the e2e uses) with a page signed in to `app` as its administrator. */
export async function signedInPage(app) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.PORTSIDE_CHROMIUM ?? "/usr/lib/chromium/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-pings", "--dns-prefetch-disable", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${app.base}/login`);
  await page.getByLabel("Email").fill(app.email);
  await page.getByLabel("Password").fill(app.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${app.base}/`); // signing in lands on the Overview
  return { browser, page };
}
