// Runs the migration CLI (scripts/migrate.mjs) against a fresh database on the PostgreSQL server
// given by DATABASE_URL, which the test runner starts.
import { execFile } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MIGRATE = path.join(ROOT, "scripts", "migrate.mjs");
const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
const SHADOW_PREFIX = "prisma_migrate_shadow_db_";
const dbName = `migrate_test_${randomUUID().slice(0, 8)}`;

function urlFor(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function serverUrl() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set: this test needs a PostgreSQL server. Start one (e.g. with " +
        "startEmbeddedPostgres from scripts/lib/embedded-db.mjs) and export DATABASE_URL.",
    );
  }
  return url;
}

async function query<R extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function migrate(...args: string[]) {
  const env = { ...process.env, DATABASE_URL: urlFor(serverUrl(), dbName) };
  return promisify(execFile)(process.execPath, [MIGRATE, ...args], { cwd: ROOT, env });
}

async function shadowDatabases() {
  const rows = await query<{ datname: string }>(urlFor(serverUrl(), "postgres"), "SELECT datname FROM pg_database");
  return rows.map((r) => r.datname).filter((n) => n.startsWith(SHADOW_PREFIX));
}

const migrationFolders = fs
  .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe("scripts/migrate.mjs", () => {
  // Without DATABASE_URL every test fails on serverUrl() (a failing hook would only skip them).
  beforeAll(async () => {
    if (process.env.DATABASE_URL) await query(urlFor(serverUrl(), "postgres"), `CREATE DATABASE "${dbName}"`);
  });

  afterAll(async () => {
    if (process.env.DATABASE_URL) {
      await query(urlFor(serverUrl(), "postgres"), `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    }
  });

  it("deploy applies every migration folder and records it as Prisma does", async () => {
    expect(migrationFolders.length).toBeGreaterThan(0);
    const { stdout } = await migrate("deploy");
    expect(stdout).toContain(`Applied ${migrationFolders.length} migration(s)`);

    const db = urlFor(serverUrl(), dbName);
    const tables = await query<{ name: string }>(
      db,
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["User", "Session", "Connection", "PlanRun", "PlanStep", "_prisma_migrations"]),
    );
    const rows = await query<{ migration_name: string; checksum: string }>(
      db,
      `SELECT migration_name, checksum FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    // Prisma's checksum is the SHA-256 of migration.sql, so `prisma migrate` accepts this history.
    expect(rows).toEqual(
      migrationFolders.map((name) => ({
        migration_name: name,
        checksum: createHash("sha256").update(fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"))).digest("hex"),
      })),
    );
  });

  it("deploy is idempotent and status reports the database up to date", async () => {
    expect((await migrate("deploy")).stdout).toContain("No pending migrations");
    const [{ count }] = await query<{ count: string }>(urlFor(serverUrl(), dbName), "SELECT count(*) FROM _prisma_migrations");
    expect(Number(count)).toBe(migrationFolders.length);
    expect((await migrate("status")).stdout).toContain("Database schema is up to date.");
  });

  it("check finds prisma/schema.prisma in sync with the migrations and drops its shadow database", async () => {
    const before = await shadowDatabases();
    const { stdout } = await migrate("check"); // rejects on a non-zero exit
    expect(stdout).toContain("in sync");
    expect((await shadowDatabases()).filter((n) => !before.includes(n))).toEqual([]);
  });
});
