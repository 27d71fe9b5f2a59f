// Benchmark: from `npm start` (scripts/start.mjs) to the login page answering 200,
// on a warm install (a build exists). Two runs: a first start on a new data folder
// (initdb, migrations, admin account) and a second start reusing it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startOnce(dataDir) {
  const port = await freePort();
  const env = { ...process.env, PORTSIDE_DATA_DIR: dataDir, PORT: String(port), PORTSIDE_PG_PORT: String(await freePort()), PORTSIDE_SANDBOX_PORT: String(await freePort()) };
  delete env.DATABASE_URL;
  const t0 = performance.now();
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const deadline = Date.now() + 300_000;
  let ms = null;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/login`);
      if (res.status === 200) {
        ms = performance.now() - t0;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGINT");
    await exited;
  }
  if (ms === null) throw new Error(`login page never answered:\n${output}`);
  return ms;
}

const dataDir = fs.mkdtempSync(path.join(root, ".portside", "bench-"));
// mkdtemp makes the folder private; PostgreSQL runs as its own user when started by root.
fs.chmodSync(dataDir, 0o755);
try {
  const first = await startOnce(dataDir);
  const second = await startOnce(dataDir);
  console.log(`npm start → login page 200 (warm install): first run ${(first / 1000).toFixed(2)} s, second run ${(second / 1000).toFixed(2)} s`);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
