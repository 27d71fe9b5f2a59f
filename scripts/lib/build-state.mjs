// Decides whether `next build` must run: when there is no build, or a source file
// is newer than it. Keeps a second `npm start` fast without serving stale code.
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "public", "instrumentation.ts", "next.config.ts", "package.json", "postcss.config.mjs"];
const SKIP = new Set(["node_modules", "generated", ".next"]);

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) {
    if (!SKIP.has(name)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

// The build reads sources while it runs, so what it saw is what existed when it STARTED: a file
// edited during a build must count as newer. markBuildStarted/markBuilt record that start time.
const stampFile = (root) => path.join(root, ".next", "portside-build-started");

/** Call right before `next build`; returns the token to hand to markBuilt. */
export function markBuildStarted() {
  return Date.now();
}

/** Call after a successful `next build`. */
export function markBuilt(root, startedAt) {
  fs.writeFileSync(stampFile(root), String(startedAt));
}

export function buildIsStale(root) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return "no build yet";
  if (!fs.existsSync(path.join(root, ".next", "standalone", "server.js"))) return "the build has no standalone server";
  const stamp = stampFile(root);
  // Builds made by hand (`next build`) have no stamp: fall back to the build's own time.
  const built = fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= fs.statSync(buildId).mtimeMs
    ? Number(fs.readFileSync(stamp, "utf8"))
    : fs.statSync(buildId).mtimeMs;
  const changed = SOURCES.find((s) => newestMtime(path.join(root, s)) > built);
  return changed ? `${changed} changed since the last build` : null;
}
