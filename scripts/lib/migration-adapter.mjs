// The driver adapter the wasm schema engine talks to PostgreSQL through: @prisma/adapter-pg, with
// fixes for what the engine needs and the adapter lacks (see ENVIRONMENT.md, "Prisma 7 offline").
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { createDatabase, dropDatabase, urlForDatabase } from "./pg-admin.mjs";

// The binder the Prisma CLI wraps adapters with (errors become results the engine understands).
// Resolved from adapter-pg, whose dependency it is, so it always matches the adapter's version.
const requireFromAdapter = createRequire(fileURLToPath(import.meta.resolve("@prisma/adapter-pg")));
const { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } = requireFromAdapter("@prisma/driver-adapter-utils");
export { bindMigrationAwareSqlAdapterFactory };

// @prisma/adapter-pg rejects columns of the catalog type "char" (OID 18), which the engine's
// introspection reads (e.g. pg_constraint.contype) and decodes as a Rust char. Report them as text
// to the adapter, then as Character to the engine. Column indexes travel with the query object,
// which is unique per call, so concurrent queries cannot mix them up.
const CHAR_OID = 18;
const TEXT_OID = 25;

function reportCharColumns(queryable) {
  const charColumns = new WeakMap();
  const performIO = queryable.performIO.bind(queryable);
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const indexes = [];
    result.fields.forEach((field, i) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        indexes.push(i);
      }
    });
    if (indexes.length) charColumns.set(query, indexes);
    return result;
  };
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(query) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

const openFactories = new Set();

/**
 * Closes the connections and drops the shadow databases of every engine still running. For a
 * process about to exit after a wasm panic, which leaves the running command's promise pending.
 */
export async function closeOpenEngines() {
  await Promise.all([...openFactories].map((f) => f.close()));
}

/**
 * Adapter factory for the engine: the main database at `url`, plus shadow databases that this
 * factory creates and drops itself (adapter-pg's own helper connects to the main database when
 * given a connection string, and never drops what it created).
 */
export class MigrationAdapterFactory {
  provider = "postgres";
  adapterName = "@prisma/adapter-pg";
  #url;
  #pools = new Set();
  #shadows = new Set();

  constructor(url) {
    this.#url = url;
    openFactories.add(this);
  }

  async connect() {
    return this.#connectTo(this.#url);
  }

  async connectToShadowDb() {
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await createDatabase(this.#url, name);
    this.#shadows.add(name);
    const adapter = await this.#connectTo(urlForDatabase(this.#url, name));
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await this.#dropShadow(name);
    };
    return adapter;
  }

  async #connectTo(url) {
    // idleTimeoutMillis 0: an idle connection may hold the engine's advisory lock; close() ends them.
    const pool = new pg.Pool({ connectionString: url, idleTimeoutMillis: 0 });
    pool.on("error", () => {});
    this.#pools.add(pool);
    const adapter = reportCharColumns(await new PrismaPg(pool).connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => reportCharColumns(await startTransaction(...args));
    // adapter-pg splits scripts on ";" (breaks $$ bodies, not atomic). Send the whole migration as
    // one simple query, as Prisma's native engine does: it runs in one implicit transaction.
    adapter.executeScript = async (script) => {
      try {
        await pool.query(script);
      } catch (e) {
        adapter.onError(e);
      }
    };
    adapter.dispose = async () => {
      this.#pools.delete(pool);
      await pool.end();
    };
    return adapter;
  }

  async #dropShadow(name) {
    this.#shadows.delete(name);
    await dropDatabase(this.#url, name);
  }

  /** Ends every connection and drops shadow databases the engine did not dispose of. */
  async close() {
    openFactories.delete(this);
    await Promise.all([...this.#pools].map((p) => p.end().catch(() => {})));
    this.#pools.clear();
    await Promise.all([...this.#shadows].map((name) => this.#dropShadow(name)));
  }
}
