// The embedded server's password and client authentication: a random password kept in a file,
// the move away from the "postgres" password older data folders were initialised with, and a
// pg_hba.conf in which no connection, local socket included, is let in without a password.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { urlForDatabase } from "./pg-admin.mjs";

/** What data folders initialised before the password file existed were given. */
export const LEGACY_PASSWORD = "postgres";

export function newPassword() {
  return crypto.randomBytes(24).toString("hex");
}

/** The password kept in `file`, or null when there is none. */
export function readPassword(file) {
  try {
    return fs.readFileSync(file, "utf8").trim() || null;
  } catch (e) {
    if (e.code === "ENOENT") return null;
    throw e;
  }
}

/** Writes `value` to `file` readable by its owner only (also when the file already existed). */
export function writeSecret(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${value}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

const INVALID_PASSWORD = "28P01";

async function connectAs(url) {
  const client = new pg.Client({ connectionString: urlForDatabase(url, "postgres") });
  client.on("error", () => {});
  await client.connect();
  return client;
}

/**
 * Makes the server of `url` accept the password in `url`: nothing to do when it already does (a
 * new folder, or a start that changed it and was killed before saving the file); otherwise signs
 * in with LEGACY_PASSWORD and changes the role's password.
 */
export async function adoptPassword(url, log = () => {}) {
  try {
    await (await connectAs(url)).end();
    return;
  } catch (e) {
    if (e.code !== INVALID_PASSWORD) throw e;
  }
  const u = new URL(url);
  const legacy = new URL(url);
  legacy.password = LEGACY_PASSWORD;
  let client;
  try {
    client = await connectAs(legacy.toString());
  } catch (e) {
    const why = e.code === INVALID_PASSWORD ? "neither the saved nor the old default password is accepted" : e.message;
    throw new Error(`Cannot set the embedded PostgreSQL password: ${why}`, { cause: e });
  }
  try {
    const password = decodeURIComponent(u.password).replaceAll("'", "''");
    const role = decodeURIComponent(u.username).replaceAll('"', '""');
    // A failed statement would be written to the server log with its text: keep the password out.
    await client.query("SET log_min_error_statement = panic");
    await client.query(`ALTER ROLE "${role}" PASSWORD '${password}'`);
    log("replaced the default PostgreSQL password with a generated one");
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Rewrites pg_hba.conf so that no rule says `trust` (initdb's default for local sockets when not
 * told otherwise): every connection must then present the password. Read at server start.
 */
export function hardenHba(databaseDir, log = () => {}) {
  const file = path.join(databaseDir, "pg_hba.conf");
  if (!fs.existsSync(file)) return;
  const text = fs.readFileSync(file, "utf8");
  const hardened = text
    .split("\n")
    .map((line) => (/^\s*#/.test(line) ? line : line.replace(/(^|\s)(trust)(\s*)$/, "$1scram-sha-256$3")))
    .join("\n");
  if (hardened === text) return;
  // Overwrites in place, so the file keeps its owner (the postgres user when we run as root).
  fs.writeFileSync(file, hardened);
  log(`pg_hba.conf: every connection now needs the password (scram-sha-256)`);
}
