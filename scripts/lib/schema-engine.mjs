// Prisma's schema engine (migrations, diff) compiled to wasm, driven through @prisma/adapter-pg.
// The native `prisma migrate` needs a schema-engine binary that cannot be downloaded here.
import fs from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { bindMigrationAwareSqlAdapterFactory, MigrationAdapterFactory } from "./migration-adapter.mjs";

// The wasm glue reports Rust panic messages here; without it a panic is an opaque "unreachable".
class WasmPanicRegistry {
  message = "";
  get() {
    return this.message;
  }
  set_message(message) {
    this.message = message;
  }
}
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= new WasmPanicRegistry();

// The engine arms 10 s timers (e.g. around applying migrations) that outlive the command and would
// keep a finished process alive that long. Unref them: open connections keep the loop alive
// while a command runs, and a timer firing after the command is a no-op.
function withUnrefTimers(glue) {
  const imports = { ...glue };
  for (const name of Object.keys(glue).filter((n) => n.startsWith("__wbg_setTimeout_"))) {
    imports[name] = (...args) => {
      const timer = glue[name](...args);
      timer?.unref?.();
      return timer;
    };
  }
  return imports;
}

let engineClass;
/** The SchemaEngine class, instantiated once per process (wasm-bindgen keeps global state). */
function loadSchemaEngine() {
  // Node cannot `import` a .wasm file (what the package's entry point does), so instantiate the
  // module by hand and hand its exports to the generated JS glue.
  return (engineClass ??= (async () => {
    const glueUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = await import(glueUrl);
    const bytes = await fs.readFile(fileURLToPath(new URL("schema_engine_bg.wasm", glueUrl)));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": withUnrefTimers(glue) });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return glue.SchemaEngine;
  })());
}

// Engine errors carry a Rust backtrace (which names the migration being applied), and name
// errors thrown by our JS adapter code only as "External error id#N", an index into the
// binder's registry: keep the message, the migration and the JS error's own message.
function engineError(e, registry) {
  if (e instanceof WebAssembly.RuntimeError) return panicError(e);
  if (!(e instanceof Error)) return e;
  const [text, backtrace = ""] = e.message.split(/\n(?=\s+0: \w+::)/);
  const migration = backtrace.match(/migration_name="([^"]+)"/)?.[1];
  const message = text
    .replace(/External error id#(\d+)/g, (ref, id) => registry.consumeError(Number(id))?.error?.message ?? ref)
    .trim();
  const error = new Error(migration ? `Migration ${migration} failed: ${message}` : message, { cause: e });
  if (e.code) error.code = e.code;
  return error;
}

/** A readable error for a wasm panic (the message comes from PRISMA_WASM_PANIC_REGISTRY). */
export function panicError(e) {
  return new Error(`Schema engine panic: ${globalThis.PRISMA_WASM_PANIC_REGISTRY.get() || e.message}`, { cause: e });
}

/**
 * Runs `fn(engine)` with a schema engine connected to `databaseUrl`, then frees the engine and
 * closes every connection it opened. `schema` ({ path, content }) is the Prisma schema, if any.
 */
export async function withSchemaEngine(databaseUrl, schema, fn) {
  const SchemaEngine = await loadSchemaEngine();
  const factory = new MigrationAdapterFactory(databaseUrl);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const datamodels = schema ? [[schema.path, schema.content]] : undefined;
  const debug = (line) => process.env.DEBUG_SCHEMA_ENGINE && console.error(line);
  let engine;
  try {
    engine = await SchemaEngine.new({ datamodels }, debug, adapter);
    return await fn(engine);
  } catch (e) {
    throw engineError(e, adapter.errorRegistry);
  } finally {
    engine?.free();
    await factory.close();
  }
}
