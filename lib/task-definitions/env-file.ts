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
export function parseEnvFile(text: string): EnvParseResult {
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
      let body = rest.slice(1);
      let close = findClose(body, quote);
      while (close < 0 && i + 1 < lines.length) {
        i++;
        body += `\n${lines[i]}`;
        close = findClose(body, quote);
      }
      if (close < 0) {
        errors.push({ line: lineNo, message: `The ${quote === '"' ? "double" : "single"} quote is never closed.` });
        continue;
      }
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

function findClose(body: string, quote: string): number {
  for (let j = 0; j < body.length; j++) {
    if (quote === '"' && body[j] === "\\") {
      j++;
      continue;
    }
    if (body[j] === quote) return j;
  }
  return -1;
}

/** Parsed variables merged into existing rows: same names are replaced in place, new ones appended. */
export function mergeEnv(current: EnvVar[], incoming: EnvVar[]): EnvVar[] {
  const incomingByName = new Map(incoming.map((v) => [v.name, v.value]));
  const kept = current.filter((v) => v.name || v.value).map((v) => (incomingByName.has(v.name) ? { name: v.name, value: incomingByName.get(v.name)! } : v));
  const names = new Set(kept.map((v) => v.name));
  return [...kept, ...incoming.filter((v) => !names.has(v.name))];
}
