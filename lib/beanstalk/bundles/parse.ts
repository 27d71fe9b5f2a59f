import type { BundleFormat } from "./render";

/**
 * Checks a bundle a person uploads (a Dockerrun.aws.json v1 or a docker-compose.yml) before it
 * goes anywhere near S3. Bounded: the text's size, the JSON's nesting (scanned before JSON.parse
 * sees it), the YAML's lines and their length; YAML anchors and aliases (which expand without
 * bound in a real parser) and tabs are refused. Never throws: a result or a message.
 */
export const BUNDLE_LIMITS = { bytes: 64 * 1024, jsonDepth: 32, lines: 2_000, lineLength: 4_096, zipBytes: 5 * 1024 * 1024 } as const;

export type ParsedBundle =
  | { ok: true; format: BundleFormat; images: string[]; ports: number[] }
  | { ok: false; message: string };

const fail = (message: string): ParsedBundle => ({ ok: false, message });

function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") max = Math.max(max, ++depth);
    else if (c === "}" || c === "]") depth--;
    if (max > BUNDLE_LIMITS.jsonDepth) return max;
  }
  return max;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function parseDockerrun(text: string): ParsedBundle {
  if (jsonDepth(text) > BUNDLE_LIMITS.jsonDepth) return fail(`Dockerrun.aws.json nests deeper than ${BUNDLE_LIMITS.jsonDepth} levels.`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail("Dockerrun.aws.json is not valid JSON.");
  }
  if (!isObject(doc)) return fail("Dockerrun.aws.json must be a JSON object.");
  const version = String(doc.AWSEBDockerrunVersion ?? "");
  if (version === "2") return fail("Dockerrun.aws.json v2 is for the retired multicontainer (ECS) platform: use v1 or a docker-compose.yml.");
  if (version !== "1") return fail('Dockerrun.aws.json needs "AWSEBDockerrunVersion": "1".');
  const image = isObject(doc.Image) ? doc.Image.Name : undefined;
  if (typeof image !== "string" || !image.trim() || image.length > 2048) return fail('Dockerrun.aws.json needs "Image": { "Name": "<image>" }.');
  const ports = Array.isArray(doc.Ports) ? doc.Ports : [];
  if (ports.length === 0) return fail('Dockerrun.aws.json needs "Ports": [{ "ContainerPort": <port> }] for the proxy to reach the container.');
  const numbers: number[] = [];
  for (const p of ports.slice(0, 100)) {
    const n = isObject(p) ? Number(p.ContainerPort) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 65535) return fail("Each ContainerPort in Dockerrun.aws.json is a whole number from 1 to 65535.");
    numbers.push(n);
  }
  return { ok: true, format: "dockerrun", images: [image.trim()], ports: numbers };
}

const unquote = (v: string) => v.trim().replace(/^(["'])(.*)\1$/, "$2");

function parseCompose(text: string): ParsedBundle {
  const lines = text.split(/\r?\n/);
  if (lines.length > BUNDLE_LIMITS.lines) return fail(`docker-compose.yml has more than ${BUNDLE_LIMITS.lines} lines.`);
  let inServices = false;
  let servicesIndent = -1;
  const services: string[] = [];
  const images: string[] = [];
  let sawBuildOrImage = false;
  for (const [n, raw] of lines.entries()) {
    if (raw.length > BUNDLE_LIMITS.lineLength) return fail(`Line ${n + 1} of docker-compose.yml is longer than ${BUNDLE_LIMITS.lineLength} characters.`);
    const line = raw.replace(/\s+#.*$/, "").replace(/^#.*$/, "");
    if (!line.trim()) continue;
    if (/^\t| \t/.test(raw.match(/^\s*/)?.[0] ?? "")) return fail(`Line ${n + 1} of docker-compose.yml is indented with a tab: YAML indents with spaces.`);
    if (/(^|[\s:\-\[,])[&*][A-Za-z0-9_-]/.test(line) || /<<\s*:/.test(line)) return fail(`Line ${n + 1} of docker-compose.yml uses a YAML anchor or alias: write the values out.`);
    const indent = line.length - line.trimStart().length;
    if (indent === 0) {
      inServices = /^services:\s*$/.test(line);
      servicesIndent = -1;
      continue;
    }
    if (!inServices) continue;
    if (servicesIndent < 0) servicesIndent = indent;
    const key = /^\s*([A-Za-z0-9._-]+):\s*(.*)$/.exec(line);
    if (indent === servicesIndent && key) services.push(key[1]!);
    else if (indent > servicesIndent && key && (key[1] === "image" || key[1] === "build")) {
      sawBuildOrImage = true;
      if (key[1] === "image" && key[2]) images.push(unquote(key[2]));
    }
  }
  if (services.length === 0) return fail("docker-compose.yml needs a services: section with at least one service.");
  if (!sawBuildOrImage) return fail("Each service in docker-compose.yml needs an image (or a build).");
  return { ok: true, format: "compose", images, ports: [] };
}

export function parseBundle(text: string): ParsedBundle {
  if (typeof text !== "string" || !text.trim()) return fail("Choose a bundle file: a Dockerrun.aws.json or a docker-compose.yml.");
  if (new TextEncoder().encode(text).length > BUNDLE_LIMITS.bytes) return fail(`Bundles uploaded here are at most ${BUNDLE_LIMITS.bytes / 1024} KB.`);
  if (text.startsWith("PK\u0003\u0004")) return fail("This is a zip: choose it as a file, so Portside reads it as one.");
  if (text.includes("\0")) return fail("The bundle is not text.");
  return text.trimStart().startsWith("{") ? parseDockerrun(text) : parseCompose(text);
}
