#!/usr/bin/env node
// `npm run bench`: runs every benchmark in bench/ and prints their results.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = path.resolve(import.meta.dirname, "..", "bench");
let failed = false;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".mjs")).sort()) {
  console.log(`\n== ${file}`);
  const { status } = spawnSync(process.execPath, [path.join(dir, file)], { stdio: "inherit" });
  failed ||= status !== 0;
}
process.exit(failed ? 1 : 0);
