import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { E2E_PORT } from "../playwright.config";
import { STACK_FILE, type Stack } from "./fixtures/stack";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Starts e2e/fixtures/oidc-provider.mjs on `port` and waits until it answers discovery. */
async function startOidcProvider(dataDir: string, port: number, redirectUri: string): Promise<{ issuer: string; pid: number }> {
  const out = fs.openSync(path.join(dataDir, "oidc-provider.log"), "a");
  const child = spawn(process.execPath, ["e2e/fixtures/oidc-provider.mjs", String(port), redirectUri], { stdio: ["ignore", out, out], detached: true });
  child.unref();
  const issuer = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The OIDC provider exited:\n${fs.readFileSync(path.join(dataDir, "oidc-provider.log"), "utf8")}`);
    try {
      if ((await fetch(`${issuer}/.well-known/openid-configuration`)).ok) return { issuer, pid: child.pid! };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("The OIDC provider did not start within 30 s");
}

/**
 * Starts Portside exactly as a newcomer does (`npm start`'s script) on a fresh data
 * folder: new embedded Postgres, migrations, sandbox, build if needed. The first-run
 * admin credentials it prints are read back from its log by the first-run spec.
 */
export default async function globalSetup() {
  const dataDir = path.dirname(STACK_FILE);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, "server.log");
  const [pgPort, sandboxPort, oidcPort] = [await freePort(), await freePort(), await freePort()];
  const baseURL = `http://127.0.0.1:${E2E_PORT}`;
  // A real OpenID provider for e2e/sso.spec.ts, started before Portside so the app is configured
  // with it from the start (it takes under a second and nothing else uses it).
  const oidc = await startOidcProvider(dataDir, oidcPort, `${baseURL}/api/auth/oidc/callback`);
  const out = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      PORTSIDE_DATA_DIR: path.join(dataDir, "data"),
      PORT: String(E2E_PORT),
      PORTSIDE_PG_PORT: String(pgPort),
      PORTSIDE_SANDBOX_PORT: String(sandboxPort),
      DATABASE_URL: "",
      // Plans that wait for AWS (EKS clusters) poll the fast sandbox every half second.
      PORTSIDE_WAIT_POLL_MS: "500",
      // Specs change AWS behind Portside's back (through the SDK) and reload at once: pages reuse reads
      // for 2 s here rather than 5 s / 15 s, as the sandbox's clock runs faster too. The sharing
      // itself is the same (lib/core/live/shared-read.test.ts, bench/browsing.mjs use the defaults).
      PORTSIDE_READ_TTL_MS: "2000",
      PORTSIDE_RENDER_BEHIND_LIVE_MS: "2000",
      // Deploy-on-push rules read ECR every second instead of every 30 s.
      PORTSIDE_DEPLOY_ON_PUSH_INTERVAL_MS: "1000",
      PORTSIDE_OIDC_ISSUER: oidc.issuer,
      PORTSIDE_OIDC_CLIENT_ID: "portside-e2e",
      PORTSIDE_OIDC_CLIENT_SECRET: "portside-e2e-client-secret",
      PORTSIDE_OIDC_REDIRECT_URL: `${baseURL}/api/auth/oidc/callback`,
      PORTSIDE_OIDC_SCOPES: "openid email profile groups",
      PORTSIDE_OIDC_ROLE_MAP: "portside-admins=admin,ops=operator,*=viewer",
    },
    stdio: ["ignore", out, out],
    detached: true,
  });
  // A cold `next build` on a busy 2-core machine has taken 7 min; start.mjs says when it is ready.
  const deadline = Date.now() + 900_000;
  let text = "";
  while (Date.now() < deadline) {
    text = fs.readFileSync(logFile, "utf8");
    if (text.includes("Portside is ready")) break;
    if (child.exitCode !== null || text.includes("could not start")) throw new Error(`Portside did not start:\n${text}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  if (!text.includes("Portside is ready")) throw new Error(`Portside was not ready within 15 minutes:\n${text}`);
  // The embedded server's password is generated at first start into the data folder.
  const pgPassword = fs.readFileSync(path.join(dataDir, "data", "pg-password"), "utf8").trim();
  const databaseUrl = `postgresql://postgres:${encodeURIComponent(pgPassword)}@127.0.0.1:${pgPort}/portside`;
  const stackInfo: Stack = {
    baseURL,
    oidcIssuer: oidc.issuer,
    oidcPid: oidc.pid,
    sandboxEndpoint: `http://127.0.0.1:${sandboxPort}`,
    databaseUrl,
    logFile,
    pid: child.pid!,
  };
  fs.writeFileSync(STACK_FILE, JSON.stringify(stackInfo, null, 2));
  child.unref();
}
