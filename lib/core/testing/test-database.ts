import { randomUUID } from "node:crypto";
import pg from "pg";
import { runMigrateDeploy } from "../../../scripts/migrate.mjs";

async function admin(adminUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database for one test file on `npm test`'s Postgres (DATABASE_URL), which
 * then points DATABASE_URL at it so lib/core/db/client connects there. `drop` removes it.
 */
export async function createTestDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("DATABASE_URL is not set: run these tests through `npm test`, which starts a database.");
  const name = `${prefix}_${randomUUID().slice(0, 8)}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  await runMigrateDeploy(url.toString());
  process.env.DATABASE_URL = url.toString();
  return { url: url.toString(), drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
