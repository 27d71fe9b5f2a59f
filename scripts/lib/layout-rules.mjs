// The layout rules of lib/ (lib/README.md), checked over the source tree so it cannot drift back to
// folders by kind of code:
//   1. lib/core imports no feature.
//   2. A feature never imports another feature's actions (its public reads and helpers, where it must).
//   3. Inside a feature folder a file is named for what it holds (plan.ts), not for its feature again.
//   4. No barrel files: no index.ts, no module that only re-exports.
//   5. Tests stay beside the code they test.
import fs from "node:fs";
import path from "node:path";

const SOURCE = /\.(ts|tsx|mjs|js|cjs)$/;
const EXTENSIONS = [".ts", ".tsx", ".mjs", ".js", ".cjs"];
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*|\brequire\(\s*)["']([^"']+)["']/g;
/** Areas whose features are one level further down (lib/ecs/services/); the others are one feature. */
// An area that grows feature folders must be added here (the check says so).
const NESTED_AREAS = new Set(["ecs", "eks", "ecr", "beanstalk"]);

/** Every source file under `dirs` of `root`, as posix paths relative to root. */
export function sourceFiles(root, dirs = ["lib", "components", "app"]) {
  const out = [];
  const walk = (rel) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "generated") walk(child);
      } else if (SOURCE.test(entry.name)) out.push(child);
    }
  };
  dirs.forEach(walk);
  return out.sort();
}

/** Module specifiers of one file's imports (static, dynamic, vi.mock, require). */
export function importsOf(source) {
  return [...source.matchAll(IMPORT)].map((m) => m[1]);
}

/** The file an import names, relative to root, or null for packages and what is not there. */
function resolveImport(root, importer, specifier, exists) {
  let base;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(importer), specifier));
  else return null;
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => `${base}/index${e}`)];
  return candidates.find((c) => exists(c)) ?? null;
}

/**
 * Which feature a file belongs to: "core", "ecs/services", "apprunner"… for lib/ and its mirror in
 * components/ (components/ecs/services/actions/ is still ecs/services); null for app/ and for
 * components shared by every feature (ui, wizard, shell…), which the rules do not constrain.
 */
export function featureOf(file) {
  const parts = file.split("/");
  const [top, area, sub] = parts;
  if (top === "lib") {
    if (parts.length < 3) return "lib";
    if (area === "core") return "core";
    return NESTED_AREAS.has(area) && parts.length > 3 ? `${area}/${sub}` : area;
  }
  if (top === "components" && NESTED_AREAS.has(area) && parts.length > 3) return `${area}/${sub}`;
  return null;
}

const isActions = (file) => /(^|[-/])actions\.(ts|tsx)$/.test(file);
const singular = (name) => name.replace(/ies$/, "y").replace(/s$/, "");

/** Every rule broken in the tree at `root`; empty when the layout holds. */
export function checkLayout(root, files = sourceFiles(root)) {
  const known = new Set(files);
  const exists = (rel) => known.has(rel) || fs.existsSync(path.join(root, rel)) && fs.statSync(path.join(root, rel)).isFile();
  const problems = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    const from = featureOf(file);
    for (const specifier of importsOf(text)) {
      const target = resolveImport(root, file, specifier, exists);
      if (!target || !target.startsWith("lib/")) continue;
      const to = featureOf(target);
      if (from === "core" && to !== "core" && !target.startsWith("lib/generated/")) {
        problems.push({ rule: "core imports no feature", file, target });
      } else if (from && to && to !== "core" && from !== to && isActions(target)) {
        problems.push({ rule: "a feature never imports another feature's actions", file, target });
      }
    }
    if (!file.startsWith("lib/")) continue;
    const parts = file.split("/");
    if (parts.length > 3 && parts[1] !== "core" && !NESTED_AREAS.has(parts[1])) {
      problems.push({ rule: "an area with feature folders is listed in NESTED_AREAS, so its features are told apart", file });
    }
    const name = path.posix.basename(file);
    const folder = path.posix.basename(path.posix.dirname(file));
    if (/^index\.(ts|tsx|mjs|js)$/.test(name)) problems.push({ rule: "no barrel files", file });
    else if (isReexportOnly(text)) problems.push({ rule: "no barrel files", file });
    const stem = name.replace(/\.(fuzz\.)?test\.(ts|mjs)$|\.(ts|tsx|mjs)$/, "");
    if (folder !== "core" && (stem.startsWith(`${folder}-`) || stem.startsWith(`${singular(folder)}-`))) {
      problems.push({ rule: "a file is named for what it holds, not for its folder again", file });
    }
    const test = name.match(/^(.*?)(\.fuzz)?\.test\.(ts|mjs)$/);
    if (test) {
      const dir = path.posix.dirname(file);
      if (![".ts", ".tsx", ".mjs"].some((e) => exists(`${dir}/${test[1]}${e}`))) {
        problems.push({ rule: "tests stay beside the code they test", file });
      }
    }
  }
  return problems;
}

/** A module whose every statement is an export … from: it only re-exports. */
function isReexportOnly(text) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "").trim();
  if (!code) return false;
  const statements = code.split(/;\s*|\n(?=\s*export)/).map((s) => s.trim()).filter(Boolean);
  return statements.every((s) => /^export\s+(\*|\{[^}]*\}|type\s+\{[^}]*\})\s+from\s+["'][^"']+["']$/.test(s) || /^["']use (server|client)["']$/.test(s));
}

/** One line per problem, or the summary the check prints when all holds. */
export function formatLayoutReport(problems, fileCount) {
  if (problems.length === 0) return `layout: ${fileCount} files, 0 problems (core imports no feature; no feature imports another's actions; no barrels; names; tests beside code)`;
  return problems.map((p) => `${p.rule}: ${p.file}${p.target ? ` → ${p.target}` : ""}`).join("\n");
}
