#!/usr/bin/env node
// Lays out what the container image holds, from a finished build (`npm run build`):
//   node scripts/assemble-image.mjs <out-dir>
// - the standalone server (.next/standalone: server.js and only the node_modules it uses),
//   with .next/static and public/ copied beside it;
// - the migrations and the wasm migration engine with the packages it needs, so the container
//   applies migrations at start as `npm start` does;
// - scripts/container-start.mjs as the entry point.
// The Dockerfile runs this in its build stage; e2e/image.spec.ts runs it here and starts the result
// exactly as the image's CMD does, since Docker cannot run on these machines.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const copy = (from, to) => fs.cpSync(from, to, { recursive: true, dereference: true, force: true });

/** The packages `names` need at run time, following package.json dependencies through node_modules. */
export function packageClosure(names, modules = path.join(root, "node_modules")) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    const manifest = path.join(modules, name, "package.json");
    if (!fs.existsSync(manifest)) return; // optional or platform-specific: not installed here
    seen.add(name);
    const pkg = JSON.parse(fs.readFileSync(manifest, "utf8"));
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep);
  };
  names.forEach(visit);
  return [...seen].sort();
}

/** What the migration runner (scripts/migrate.mjs and its lib) imports. */
export const MIGRATION_PACKAGES = ["@prisma/schema-engine-wasm", "@prisma/adapter-pg", "pg"];
const MIGRATION_SCRIPTS = ["migrate.mjs", "container-start.mjs", "lib/migrations-dir.mjs", "lib/pg-admin.mjs", "lib/migration-adapter.mjs", "lib/schema-engine.mjs", "lib/request-stamp.cjs", "lib/standalone.mjs"];

export function assembleImage(out) {
  const standalone = path.join(root, ".next", "standalone");
  if (!fs.existsSync(path.join(standalone, "server.js"))) throw new Error("No standalone build: run `npm run build` first.");
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  // The server, without the links `npm start` makes in place (they are copied for real below).
  fs.cpSync(standalone, out, { recursive: true, filter: (src) => ![path.join(standalone, ".next", "static"), path.join(standalone, "public")].includes(src) });
  copy(path.join(root, ".next", "static"), path.join(out, ".next", "static"));
  if (fs.existsSync(path.join(root, "public"))) copy(path.join(root, "public"), path.join(out, "public"));
  copy(path.join(root, "prisma"), path.join(out, "prisma"));
  for (const file of MIGRATION_SCRIPTS) copy(path.join(root, "scripts", file), path.join(out, "scripts", file));
  // Whole packages: the server's trace holds only the files the server loads (an ESM build, say),
  // and the migration runner may load others of the same package.
  for (const name of packageClosure(MIGRATION_PACKAGES)) copy(path.join(root, "node_modules", name), path.join(out, "node_modules", name));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = path.resolve(process.argv[2] ?? path.join(root, ".portside", "image"));
  assembleImage(out);
  console.log(`[image] assembled in ${out}`);
}
