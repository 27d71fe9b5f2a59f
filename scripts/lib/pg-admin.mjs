// Database-level admin helpers (create, drop, exists) over plain `pg`.
// Used by the embedded server, the migration runner (shadow databases) and tests.
import pg from "pg";

/** `url` with its database name replaced by `name`. */
export function urlForDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

/** The database name a connection string points at. */
export function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

function quoteIdent(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

// CREATE/DROP DATABASE cannot name the database they run in, so admin statements
// run from the `postgres` maintenance database of the same server.
async function withAdminClient(url, fn) {
  const client = new pg.Client({ connectionString: urlForDatabase(url, "postgres") });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (e) {
    const { hostname, port, username } = new URL(url);
    const where = `${username || "(default user)"}@${hostname}:${port || 5432}`;
    throw Object.assign(new Error(`Cannot connect to PostgreSQL as ${where}: ${e.message}`, { cause: e }), { code: e.code });
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

async function exists(client, name) {
  const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  return rowCount > 0;
}

export async function databaseExists(url, name = databaseName(url)) {
  return withAdminClient(url, (c) => exists(c, name));
}

/** Creates database `name` on the server of `url`; returns false if it already existed. */
export async function createDatabase(url, name = databaseName(url)) {
  return withAdminClient(url, async (c) => {
    if (await exists(c, name)) return false;
    try {
      await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return true;
    } catch (e) {
      // Lost a race with a concurrent creator: duplicate_database / unique_violation.
      if (e.code === "42P04" || e.code === "23505") return false;
      throw e;
    }
  });
}

/** Drops database `name` (if present), disconnecting its sessions first. */
export async function dropDatabase(url, name = databaseName(url)) {
  await withAdminClient(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}
