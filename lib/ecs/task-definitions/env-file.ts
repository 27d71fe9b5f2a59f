export type EnvVar = { name: string; value: string };
export type EnvParseResult = { vars: EnvVar[]; errors: { line: number; message: string }[] };

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

/**
 * Parses a .env file as dotenv does: `KEY=value` lines, `#` comments, an optional
 * `export ` prefix, single quotes literal, double quotes with \n escapes and
 * line breaks, ` #` ending an unquoted value. A later line wins over an earlier one.
 * Runs in the browser: the file never leaves it until the form is submitted.
 */
export const ENV_FILE_MAX_BYTES = 256 * 1024;

export function parseEnvFile(text: string): EnvParseResult {
  if (text.length > ENV_FILE_MAX_BYTES) return { vars: [], errors: [{ line: 1, message: "The file is larger than 256 KB; a task's environment is far smaller." }] };
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const byName = new Map<string, string>();
  const errors: EnvParseResult["errors"] = [];
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i]!.trim();
    if (!raw || raw.startsWith("#")) continue;
    const line = raw.replace(/^export\s+/, "");
    const eq = line.indexOf("=");
    if (eq <= 0) {
      errors.push({ line: lineNo, message: "Expected NAME=value." });
      continue;
    }
    const name = line.slice(0, eq).trim();
    if (!NAME.test(name)) {
      errors.push({ line: lineNo, message: `${name} is not a valid variable name.` });
      continue;
    }
    let rest = line.slice(eq + 1).trimStart();
    let value: string;
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      // A quoted value may run over several lines until its closing quote.
      // Each added line is scanned once, on its own (growing one string and indexing it would
      // flatten it again for every line: quadratic on a long unclosed quote).
      const parts = [rest.slice(1)];
      let before = 0;
      let scan = scanQuoted(parts[0]!, quote, false);
      while (scan.close < 0 && i + 1 < lines.length) {
        i++;
        before += parts[parts.length - 1]!.length;
        parts.push(`\n${lines[i]}`);
        scan = scanQuoted(parts[parts.length - 1]!, quote, scan.escaped);
      }
      if (scan.close < 0) {
        errors.push({ line: lineNo, message: `The ${quote === '"' ? "double" : "single"} quote is never closed.` });
        continue;
      }
      const body = parts.join("");
      const close = before + scan.close;
      value = body.slice(0, close);
      if (quote === '"') value = value.replace(/\\(.)/g, (m, c: string) => ESCAPES[c] ?? m);
    } else {
      const comment = rest.search(/\s#/);
      if (comment >= 0) rest = rest.slice(0, comment);
      value = rest.trim();
    }
    byName.delete(name);
    byName.set(name, value);
  }
  return { vars: [...byName].map(([name, value]) => ({ name, value })), errors };
}

/** The closing quote's index in `text`, or -1 and whether the text ended inside an escape (`\`). */
function scanQuoted(text: string, quote: string, escaped: boolean): { close: number; escaped: boolean } {
  for (let j = 0; j < text.length; j++) {
    if (escaped) {
      escaped = false;
      continue;
    }
    if (quote === '"' && text[j] === "\\") escaped = true;
    else if (text[j] === quote) return { close: j, escaped: false };
  }
  return { close: -1, escaped };
}

/** Parsed variables merged into existing rows: same names are replaced in place, new ones appended. */
export function mergeEnv(current: EnvVar[], incoming: EnvVar[]): EnvVar[] {
  const incomingByName = new Map(incoming.map((v) => [v.name, v.value]));
  const kept = current.filter((v) => v.name || v.value).map((v) => (incomingByName.has(v.name) ? { name: v.name, value: incomingByName.get(v.name)! } : v));
  const names = new Set(kept.map((v) => v.name));
  return [...kept, ...incoming.filter((v) => !names.has(v.name))];
}
