#!/usr/bin/env node
// Prisma migrations without the native schema-engine binary (not downloadable here): the same
// engine compiled to wasm (@prisma/schema-engine-wasm), talking to PostgreSQL via adapter-pg.
//
//   node scripts/migrate.mjs create <name>   new migration from prisma/schema.prisma ("No changes" if none)
//   node scripts/migrate.mjs deploy          apply pending migrations (creates the database if missing)
//   node scripts/migrate.mjs status          applied / pending migrations; exit 1 unless up to date
//   node scripts/migrate.mjs check           exit 1 if schema.prisma and prisma/migrations differ
//
// All read DATABASE_URL. `create` and `check` replay the migrations on a temporary shadow
// database on that server (needs the CREATEDB privilege).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { listMigrations, writeMigration, slugifyMigrationName } from "./lib/migrations-dir.mjs";
import { createDatabase, databaseName } from "./lib/pg-admin.mjs";
import { closeOpenEngines } from "./lib/migration-adapter.mjs";
import { panicError, withSchemaEngine } from "./lib/schema-engine.mjs";

const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), "..");
const PATHS = {
  schemaPath: path.join(ROOT, "prisma", "schema.prisma"),
  migrationsDir: path.join(ROOT, "prisma", "migrations"),
};
const NO_FILTERS = { externalTables: [], externalEnums: [] };

function readSchema(schemaPath) {
  return { path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") };
}

/** Diff from the migrations folder (replayed on a shadow database) to the Prisma schema. */
function diffMigrationsToSchema(databaseUrl, { schemaPath, migrationsDir }, script) {
  const schema = readSchema(schemaPath);
  return withSchemaEngine(databaseUrl, schema, (engine) =>
    engine.diff({
      from: { tag: "migrations", ...listMigrations(migrationsDir) },
      to: { tag: "schemaDatamodel", files: [schema] },
      script,
      exitCode: true, // 2 when the diff is non-empty
      filters: NO_FILTERS,
    }),
  );
}

/**
 * Applies pending migrations from prisma/migrations to `databaseUrl` (creating the database if
 * it does not exist) and records them in `_prisma_migrations`. Runs in-process; the engine
 * closes every connection it opened, so nothing keeps the event loop alive afterwards.
 * @returns {Promise<{ applied: string[], createdDatabase: boolean }>}
 */
export async function applyMigrations(databaseUrl, paths = PATHS) {
  const createdDatabase = await createDatabase(databaseUrl).catch((e) => {
    // No access to the `postgres` maintenance database: assume the target exists.
    if (["3D000", "42501", "28000"].includes(e.code)) return false;
    throw e;
  });
  const migrationsList = listMigrations(paths.migrationsDir);
  if (migrationsList.migrationDirectories.length === 0) return { applied: [], createdDatabase };
  const { appliedMigrationNames } = await withSchemaEngine(databaseUrl, readSchema(paths.schemaPath), (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
  );
  return { applied: appliedMigrationNames, createdDatabase };
}

/**
 * Runs `node scripts/migrate.mjs deploy` in a child process (its output goes to this process's
 * stdout/stderr); resolves when it succeeds, rejects with its last error output otherwise.
 */
export function runMigrateDeploy(databaseUrl) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SELF, "deploy"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "inherit", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      process.stderr.write(chunk);
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`Database migration failed (${signal ?? `exit code ${code}`}):\n${stderr.trim()}`));
    });
  });
}

/**
 * Compares prisma/migrations with the database's `_prisma_migrations`.
 * @returns {Promise<{ applied: string[], pending: string[], failed: string[], edited: string[],
 *   notInFolder: string[] }>}
 */
export async function migrationStatus(databaseUrl, paths = PATHS) {
  const migrationsList = listMigrations(paths.migrationsDir);
  const diagnosis = await withSchemaEngine(databaseUrl, readSchema(paths.schemaPath), (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTERS }),
  );
  const pending = diagnosis.history?.unappliedMigrationNames ?? [];
  const notApplied = new Set([...pending, ...diagnosis.failedMigrationNames]);
  return {
    applied: migrationsList.migrationDirectories.map((m) => m.path).filter((n) => !notApplied.has(n)),
    pending,
    failed: diagnosis.failedMigrationNames,
    edited: diagnosis.editedMigrationNames,
    notInFolder: diagnosis.history?.unpersistedMigrationNames ?? [],
  };
}

/**
 * Whether prisma/schema.prisma matches what prisma/migrations builds.
 * @returns {Promise<{ inSync: boolean, summary: string }>} summary: the engine's description of the difference
 */
export async function checkMigrationsInSync(databaseUrl, paths = PATHS) {
  const { exitCode, stdout } = await diffMigrationsToSchema(databaseUrl, paths, false);
  return { inSync: exitCode === 0, summary: (stdout ?? "").trim() };
}

/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the
 * migrations folder to prisma/schema.prisma.
 * @returns {Promise<string | null>} the new folder's name, or null when there is nothing to migrate
 */
export async function createMigration(databaseUrl, name, paths = PATHS) {
  slugifyMigrationName(name); // reject a bad name before any database work
  const { exitCode, stdout } = await diffMigrationsToSchema(databaseUrl, paths, true);
  if (exitCode === 0) return null;
  return writeMigration(paths.migrationsDir, name, stdout);
}

const COMMANDS = {
  async create(url, name) {
    const folder = await createMigration(url, name);
    console.log(folder ? `Created prisma/migrations/${folder}/migration.sql` : "No changes: the schema matches the migrations.");
    return 0;
  },
  async deploy(url) {
    const started = performance.now();
    const { applied, createdDatabase } = await applyMigrations(url);
    if (createdDatabase) console.log(`Created database "${databaseName(url)}".`);
    const ms = Math.round(performance.now() - started);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) in ${ms} ms:\n${applied.map((n) => `  ${n}`).join("\n")}`
        : `No pending migrations (${ms} ms).`,
    );
    return 0;
  },
  async status(url) {
    const s = await migrationStatus(url);
    const list = (title, names) => names.length && console.log(`${title}:\n${names.map((n) => `  ${n}`).join("\n")}`);
    list("Applied", s.applied);
    list("Pending", s.pending);
    list("Failed (resolve by hand, then deploy again)", s.failed);
    list("Edited after being applied", s.edited);
    list("Applied to the database but missing from prisma/migrations", s.notInFolder);
    const upToDate = !s.pending.length && !s.failed.length && !s.notInFolder.length;
    console.log(upToDate ? "Database schema is up to date." : "Database schema is NOT up to date.");
    return upToDate ? 0 : 1;
  },
  async check(url) {
    const { inSync, summary } = await checkMigrationsInSync(url);
    if (inSync) {
      console.log("prisma/schema.prisma and prisma/migrations are in sync.");
      return 0;
    }
    console.error(
      "prisma/schema.prisma has changes that no migration in prisma/migrations covers:\n\n" +
        `${summary}\n\nCreate a migration: npm run db:migrate:create -- <name>`,
    );
    return 1;
  },
};

async function main([command, ...args]) {
  if (!Object.hasOwn(COMMANDS, command)) {
    console.error("Usage: node scripts/migrate.mjs <create <name> | deploy | status | check>");
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: point it at the PostgreSQL database to migrate.");
    return 2;
  }
  return COMMANDS[command](url, ...args);
}

async function fail(e) {
  console.error(`Migration error: ${e?.message ?? e}`);
  await closeOpenEngines().catch(() => {});
  process.exit(1);
}

// Exit explicitly once done: nothing the engine left behind may keep the CLI alive. A wasm panic
// inside an engine callback surfaces as an uncaught exception; report it and clean up.
if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  process.on("uncaughtException", (e) => fail(e instanceof WebAssembly.RuntimeError ? panicError(e) : e));
  main(process.argv.slice(2)).then((code) => process.exit(code), fail);
}
