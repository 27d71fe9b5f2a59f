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
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function databaseExists(url, name = databaseName(url)) {
  return withAdminClient(url, async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return rowCount > 0;
  });
}

/** Creates database `name` on the server of `url`; returns false if it already existed. */
export async function createDatabase(url, name = databaseName(url)) {
  return withAdminClient(url, async (c) => {
    try {
      await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return true;
    } catch (e) {
      if (e.code === "42P04") return false; // duplicate_database
      throw e;
    }
  });
}

/** Drops database `name` (if present), disconnecting its sessions first. */
export async function dropDatabase(url, name = databaseName(url)) {
  await withAdminClient(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}
