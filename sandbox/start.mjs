// Start the local AWS sandbox: moto_server plus the gateway in front of it.
//
//   import { startSandbox } from "./sandbox/start.mjs";
//   const sandbox = await startSandbox({ port: 0 });   // null when moto_server is not installed
//   process.env.AWS_ENDPOINT_URL = sandbox.endpoint;
//   ...
//   await sandbox.stop();
//
// Or in a terminal: `node sandbox/start.mjs [--port 4566] [--moto-port N] [--host 127.0.0.1]`.
import { spawn } from "node:child_process";
import { accessSync, constants as fsConstants, realpathSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { isMainThread } from "node:worker_threads";
import { startGateway } from "./gateway.mjs";

const MOTO_HOST = "127.0.0.1";

/** Absolute path of an executable on PATH, or null. */
export function findExecutable(name, envPath = process.env.PATH ?? "") {
  if (name.includes("/")) {
    try {
      accessSync(name, fsConstants.X_OK);
      return name;
    } catch {
      return null;
    }
  }
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, fsConstants.X_OK);
      return candidate;
    } catch {}
  }
  return null;
}

/** Ask the OS for a free TCP port on 127.0.0.1. */
export function freePort(host = MOTO_HOST) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, host, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// moto runs under a tiny sh supervisor in its own process group:
//  - stop() signals the group; the supervisor's trap forwards SIGTERM to moto, waits for it and
//    reaps its watchdog, so nothing (not even a zombie) is left once the supervisor exits;
//  - the watchdog (a subshell using only the `read` builtin) holds our stdin pipe: when this Node
//    process dies for any reason, even SIGKILL, the pipe reaches EOF and it kills moto, so moto
//    never outlives us;
//  - the supervisor exits with moto's status, so an early moto failure (port taken) is seen at once.
const SUPERVISOR = [
  "exec 3<&0 </dev/null",
  '"$@" 3<&- &',
  "m=$!",
  '( while read -r _ <&3; do :; done; kill -TERM "$m" 2>/dev/null ) &',
  "w=$!",
  "exec 3<&-",
  "trap 'kill -TERM \"$m\" 2>/dev/null' TERM INT HUP",
  "s=0",
  'while kill -0 "$m" 2>/dev/null; do wait "$m"; s=$?; done',
  'kill -TERM "$w" 2>/dev/null',
  'wait "$w" 2>/dev/null',
  'exit "$s"',
].join("\n");

async function waitForMoto(url, child, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError = null;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `moto_server exited before answering (code ${child.exitCode ?? child.signalCode}).\n${output.tail()}`,
      );
    }
    try {
      const res = await fetch(`${url}/moto-api/`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.ok) return;
      lastError = new Error(`HTTP ${res.status}`);
    } catch (err) {
      lastError = err;
    }
    await sleep(100);
  }
  throw new Error(
    `moto_server did not answer on ${url} within ${timeoutMs} ms (last error: ${lastError?.message ?? "none"}).\n${output.tail()}`,
  );
}

function outputRing(limit = 60) {
  const lines = [];
  let partial = "";
  return {
    push(chunk) {
      const parts = (partial + chunk.toString("utf8")).split("\n");
      partial = parts.pop() ?? "";
      for (const l of parts) {
        lines.push(l);
        if (lines.length > limit) lines.shift();
      }
    },
    tail() {
      const all = partial ? [...lines, partial] : lines;
      return all.length ? `moto output:\n  ${all.join("\n  ")}` : "(moto printed nothing)";
    },
  };
}

/**
 * Start moto_server and the gateway.
 *
 * @param {object} [options]
 * @param {number} [options.port=4566] gateway port (0 = any free port)
 * @param {string} [options.host="127.0.0.1"] gateway bind address
 * @param {number} [options.motoPort] moto's port (default: a free port)
 * @param {(msg: string) => void | false} [options.log] logger (default console.log with "[sandbox]"); false = silent
 * @param {number} [options.startTimeoutMs=30000] how long to wait for moto to answer
 * @param {boolean} [options.killOnExit=true] install process exit/SIGINT/SIGTERM/SIGHUP hooks that kill moto
 * @param {Record<string,string>} [options.env] extra environment for moto (e.g. MOTO_ECS_SERVICE_RUNNING)
 * @param {string} [options.motoCommand="moto_server"] executable name or path
 * @param {object} [options.agent] ECS runtime agent settings ({ paused, paceMs, tickMs, crashAfterMs, sweepMs, retentionMs })
 * @returns {Promise<null | { endpoint: string, port: number, motoUrl: string, motoPort: number, pid: number, gateway: object, stop: () => Promise<void> }>}
 */
export async function startSandbox({
  port = 4566,
  host = "127.0.0.1",
  motoPort,
  log,
  startTimeoutMs = 30_000,
  killOnExit = true,
  env = {},
  motoCommand = "moto_server",
  agent = {},
} = {}) {
  const say = log === false ? () => {} : (log ?? ((msg) => console.log(`[sandbox] ${msg}`)));
  const motoPath = findExecutable(motoCommand);
  if (!motoPath) {
    say(`${motoCommand} not found on PATH; the local AWS sandbox is not available (pip install "moto[server]")`);
    return null;
  }

  motoPort ??= await freePort();
  const motoUrl = `http://${MOTO_HOST}:${motoPort}`;
  const started = Date.now();
  // Bind the gateway first: a busy gateway port then fails before moto is ever spawned.
  const gateway = await startGateway({ port, host, upstream: motoUrl, agent });
  const child = spawn("sh", ["-c", SUPERVISOR, "sandbox-moto", motoPath, "-H", MOTO_HOST, "-p", String(motoPort)], {
    detached: true, // own process group, so stop() can signal moto and its children together
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: "true", ...env },
  });
  const output = outputRing();
  child.stdout.on("data", (c) => output.push(c));
  child.stderr.on("data", (c) => output.push(c));
  child.stdin.on("error", () => {}); // EPIPE if the supervisor is already gone
  const exited = new Promise((resolve) => child.once("exit", resolve));
  exited.then(() => child.stdin.destroy());
  child.once("error", (err) => output.push(`spawn error: ${err.message}\n`));

  const killGroup = (signal) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      try {
        child.kill(signal);
      } catch {}
    }
  };

  // Exit hooks: kill moto when this process goes away. A signal handler that is the only one
  // listening re-raises the signal after cleanup so the default behaviour (exit) still happens.
  const onExit = () => killGroup("SIGTERM");
  const signalHandlers = new Map();
  function installHooks() {
    if (!killOnExit) return;
    process.once("exit", onExit);
    if (!isMainThread) return; // signals are only delivered to the main thread
    for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
      const handler = () => {
        killGroup("SIGTERM");
        removeHooks();
        if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
      };
      signalHandlers.set(sig, handler);
      process.once(sig, handler);
    }
  }
  function removeHooks() {
    process.off("exit", onExit);
    for (const [sig, handler] of signalHandlers) process.off(sig, handler);
    signalHandlers.clear();
  }
  installHooks();

  async function killMoto() {
    removeHooks();
    if (child.exitCode === null && child.signalCode === null) {
      killGroup("SIGTERM");
      const done = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      // A stuck moto: SIGKILL the whole group (the supervisor may then leave unreaped children).
      if (!done) {
        killGroup("SIGKILL");
        await exited;
      }
    }
  }

  try {
    await waitForMoto(motoUrl, child, output, startTimeoutMs);
  } catch (err) {
    await Promise.all([gateway.stop(), killMoto()]);
    throw err;
  }
  say(`moto_server on ${motoUrl} (pid group ${child.pid}), ready in ${Date.now() - started} ms`);
  say(`AWS endpoint: ${gateway.url}  (control API: ${gateway.url}/_sandbox/)`);

  let stopping = null;
  return {
    endpoint: gateway.url,
    port: gateway.port,
    motoUrl,
    motoPort,
    pid: child.pid,
    gateway,
    stop() {
      stopping ??= Promise.all([gateway.stop(), killMoto()]).then(() => undefined);
      return stopping;
    },
  };
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = () => inline ?? argv[++i];
    if (flag === "--port" || flag === "-p") opts.port = Number(value());
    else if (flag === "--moto-port") opts.motoPort = Number(value());
    else if (flag === "--host" || flag === "-H") opts.host = value();
    else if (flag === "--help" || flag === "-h") opts.help = true;
    else throw new Error(`unknown argument: ${argv[i]}`);
  }
  return opts;
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isMain()) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(err.message);
    process.exit(2);
  }
  if (opts.help) {
    console.log("usage: node sandbox/start.mjs [--port 4566] [--moto-port N] [--host 127.0.0.1]");
    process.exit(0);
  }
  const sandbox = await startSandbox({ ...opts, killOnExit: true });
  if (!sandbox) process.exit(1);
  console.log(`\n  AWS_ENDPOINT_URL=${sandbox.endpoint}\n\n  Ctrl-C to stop.\n`);
  let shuttingDown = false;
  const shutdown = async (sig) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`\n[sandbox] ${sig}: stopping`);
    await sandbox.stop();
    process.exit(0);
  };
  // Our own handlers run alongside startSandbox's hooks, so those won't re-raise the signal.
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
