import { inflateRawSync } from "node:zlib";

/**
 * What a Docker platform bundle runs — the image and the container port — read the way Elastic
 * Beanstalk's Docker platform reads it: a Dockerrun.aws.json v1, a docker-compose.yml (its first
 * service), or a zip holding one at its root. Bounded everywhere (bundle and manifest size, zip
 * entries, compose lines); never throws.
 */
export const MOVE_BUNDLE_LIMITS = { bundleBytes: 8 * 1024 * 1024, manifestBytes: 256 * 1024, zipEntries: 2000, lines: 5000, image: 2048 } as const;

export type BundleRun = { ok: true; kind: "dockerrun" | "compose"; image: string; containerPort?: number } | { ok: false; message: string };

const fail = (message: string): BundleRun => ({ ok: false, message });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const port = (v: unknown) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : undefined;
};

export function readDockerrun(text: string): BundleRun {
  if (text.length > MOVE_BUNDLE_LIMITS.manifestBytes) return fail("Dockerrun.aws.json is larger than Portside reads.");
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail("Dockerrun.aws.json is not valid JSON.");
  }
  if (!isObject(doc)) return fail("Dockerrun.aws.json is not a JSON object.");
  if (String(doc.AWSEBDockerrunVersion ?? "") !== "1") return fail("Only a Dockerrun.aws.json v1 names one image to move.");
  const image = isObject(doc.Image) ? doc.Image.Name : undefined;
  if (typeof image !== "string" || !image.trim() || image.length > MOVE_BUNDLE_LIMITS.image) return fail("Dockerrun.aws.json names no image.");
  const first = Array.isArray(doc.Ports) ? doc.Ports[0] : undefined;
  return { ok: true, kind: "dockerrun", image: image.trim(), containerPort: isObject(first) ? port(first.ContainerPort) : undefined };
}

const unquote = (s: string) => s.trim().replace(/^(['"])(.*)\1$/, "$2");

/** "80:8080" / "8080" / "127.0.0.1:80:8080/tcp" → 8080. */
const containerPortOf = (spec: string) => port(spec.split("/")[0]!.split(":").at(-1));

export function readCompose(text: string): BundleRun {
  if (text.length > MOVE_BUNDLE_LIMITS.manifestBytes) return fail("docker-compose.yml is larger than Portside reads.");
  const lines = text.split(/\r?\n/);
  if (lines.length > MOVE_BUNDLE_LIMITS.lines) return fail("docker-compose.yml has more lines than Portside reads.");
  let inServices = false;
  let serviceIndent = -1;
  let services = 0;
  let image = "";
  let containerPort: number | undefined;
  let inPorts = false;
  for (const raw of lines) {
    const line = raw.replace(/\s+#.*$/, "");
    const t = line.trim();
    if (!t || t.startsWith("#")) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === 0) {
      inServices = t === "services:";
      inPorts = false;
      continue;
    }
    if (!inServices) continue;
    if ((serviceIndent < 0 || indent === serviceIndent) && /^[A-Za-z0-9._-]+:$/.test(t)) {
      serviceIndent = indent;
      services += 1;
      inPorts = false;
      continue;
    }
    if (services !== 1) continue;
    const img = /^image:\s*(.+)$/.exec(t);
    if (img && !image) image = unquote(img[1]!);
    const inline = /^ports:\s*\[(.*)\]$/.exec(t);
    if (inline && containerPort === undefined) containerPort = containerPortOf(unquote(inline[1]!.split(",")[0] ?? ""));
    if (/^ports:$/.test(t)) {
      inPorts = true;
      continue;
    }
    if (inPorts && t.startsWith("- ")) {
      containerPort ??= containerPortOf(unquote(t.slice(2)));
      continue;
    }
    inPorts = false;
  }
  if (!services) return fail("docker-compose.yml defines no service.");
  if (!image || image.length > MOVE_BUNDLE_LIMITS.image) return fail("The first service in docker-compose.yml names no image (a build: section cannot move).");
  return { ok: true, kind: "compose", image, containerPort };
}

/** The root files of a zip that Portside wants (stored or deflated); null when it is not a readable zip. */
export function unzipRoot(buf: Uint8Array, wanted: ReadonlySet<string>): Map<string, Buffer> | null {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < 22 || b.length > MOVE_BUNDLE_LIMITS.bundleBytes) return null;
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = b.readUInt16LE(eocd + 10);
  if (count > MOVE_BUNDLE_LIMITS.zipEntries) return null;
  let p = b.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return null;
    const method = b.readUInt16LE(p + 10);
    const compressed = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const local = b.readUInt32LE(p + 42);
    if (p + 46 + nameLen > b.length) return null;
    const name = b.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    if (!wanted.has(name) || out.has(name) || size > MOVE_BUNDLE_LIMITS.manifestBytes) continue;
    if (local + 30 > b.length || b.readUInt32LE(local) !== 0x04034b50) return null;
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    if (start + compressed > b.length) return null;
    const data = b.subarray(start, start + compressed);
    try {
      if (method === 0) out.set(name, Buffer.from(data));
      else if (method === 8) out.set(name, inflateRawSync(data, { maxOutputLength: MOVE_BUNDLE_LIMITS.manifestBytes }));
    } catch {
      return null;
    }
  }
  return out;
}

const ZIP_NAMES = new Set(["Dockerrun.aws.json", "docker-compose.yml", "docker-compose.yaml"]);

/** The bundle's bytes → what it runs. */
export function readBundleRun(bytes: Uint8Array): BundleRun {
  if (bytes.length === 0) return fail("The version's bundle is empty.");
  if (bytes.length > MOVE_BUNDLE_LIMITS.bundleBytes) return fail("The version's bundle is larger than Portside reads (8 MB).");
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const files = unzipRoot(bytes, ZIP_NAMES);
    if (!files) return fail("The version's bundle is not a readable zip file.");
    const dockerrun = files.get("Dockerrun.aws.json");
    if (dockerrun) return readDockerrun(dockerrun.toString("utf8"));
    const compose = files.get("docker-compose.yml") ?? files.get("docker-compose.yaml");
    if (compose) return readCompose(compose.toString("utf8"));
    return fail("The zip has no Dockerrun.aws.json or docker-compose.yml at its root (a Dockerfile build cannot move as an image).");
  }
  const text = new TextDecoder().decode(bytes.subarray(0, MOVE_BUNDLE_LIMITS.manifestBytes + 1));
  if (text.trimStart().startsWith("{")) return readDockerrun(text);
  if (/^services:\s*$/m.test(text)) return readCompose(text);
  return fail("The version's bundle is neither a Dockerrun.aws.json, a docker-compose.yml nor a zip holding one.");
}
