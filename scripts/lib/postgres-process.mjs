// Process-level housekeeping for the embedded PostgreSQL server: port checks and
// recovery from a previous run that was killed (stale postmaster.pid, orphaned server).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const OWNER_FILE = "owner.pid";

/** Resolves when 127.0.0.1:port can be bound; throws a readable error otherwise. */
export function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (e) => {
      reject(
        e.code === "EADDRINUSE"
          ? new Error(`Port ${port} on 127.0.0.1 is already in use by another program; choose another port.`)
          : e,
      );
    });
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve()));
  });
}

/** A port the OS reports free right now. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function procInfo(pid) {
  try {
    if (fs.existsSync(`/proc/${pid}`)) {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the parenthesised command: state, ppid, ...
      const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
      return { zombie: state === "Z", ppid: Number(ppid), args };
    }
    const out = execFileSync("ps", ["-o", "stat=,ppid=,args=", "-p", String(pid)], { encoding: "utf8" });
    const [, state, ppid, args] = out.trim().match(/^(\S+)\s+(\d+)\s+(.*)$/) ?? [];
    return state ? { zombie: state.startsWith("Z"), ppid: Number(ppid), args } : null;
  } catch {
    return null; // gone
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code === "ESRCH") return false;
  }
  const info = procInfo(pid);
  return info !== null && !info.zombie;
}

async function waitForExit(pid, ms) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) {
    if (!isAlive(pid)) return true;
  }
  return !isAlive(pid);
}

async function stopOrphan(pid, log) {
  log(`stopping PostgreSQL (pid ${pid}) left running by a previous run that was killed`);
  for (const [signal, ms] of [["SIGINT", 15_000], ["SIGQUIT", 5_000], ["SIGKILL", 5_000]]) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (await waitForExit(pid, ms)) return;
  }
  throw new Error(`Could not stop the orphaned PostgreSQL server (pid ${pid}).`);
}

/** Records which process started the server on a run folder (see recoverFromCrash). */
export function recordOwner(runDir) {
  fs.writeFileSync(path.join(runDir, OWNER_FILE), String(process.pid));
}

export function clearOwner(runDir) {
  fs.rmSync(path.join(runDir, OWNER_FILE), { force: true });
}

/**
 * Makes `dataDir` startable after a crash. A postmaster.pid whose process is gone (or is not a
 * postgres for this folder) is removed. A postgres still serving this folder is stopped when the
 * process that started it (recorded by recordOwner) is no longer its parent, i.e. it was orphaned
 * by a killed run; if its owner is still alive, the folder is in use and we refuse. `runDir` is the
 * server's private folder for its socket and owner file.
 */
export async function recoverFromCrash(dataDir, runDir, log) {
  await stopLeftoverServer(dataDir, path.join(runDir, OWNER_FILE), log);
  // No server runs on this folder now, so socket lock files in its private run folder are stale
  // too (postgres would refuse to start if their pid was reused or is an unreaped zombie).
  for (const name of fs.readdirSync(runDir)) {
    if (name.startsWith(".s.PGSQL.")) fs.rmSync(path.join(runDir, name), { force: true });
  }
}

async function stopLeftoverServer(dataDir, ownerFile, log) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  let pid;
  try {
    pid = Number.parseInt(fs.readFileSync(pidFile, "utf8").split("\n")[0], 10);
  } catch {
    return;
  }
  const info = Number.isInteger(pid) && isAlive(pid) ? procInfo(pid) : null;
  if (!info || !/postgres/.test(info.args) || !`${info.args} `.includes(`-D ${dataDir} `)) {
    log(`removing stale ${pidFile} (pid ${pid} is not running it)`);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  let owner = NaN;
  try {
    owner = Number.parseInt(fs.readFileSync(ownerFile, "utf8"), 10);
  } catch {}
  if (owner === info.ppid && isAlive(owner)) {
    throw new Error(
      `PostgreSQL (pid ${pid}) is already running on ${dataDir}, started by process ${owner}. ` +
        "Stop that process first, or use another data folder.",
    );
  }
  if (Number.isNaN(owner)) {
    throw new Error(`A PostgreSQL server (pid ${pid}) not started by Portside is running on ${dataDir}; stop it first.`);
  }
  await stopOrphan(pid, log);
}
