// Elastic Beanstalk source bundles in the sandbox: what a Docker platform bundle says (image and
// port), read the way Beanstalk's Docker platform reads it, with bounds on everything.
//
// A bundle is a Dockerrun.aws.json (v1: {"AWSEBDockerrunVersion":"1","Image":{"Name":..},
// "Ports":[{"ContainerPort":..}]}), a docker-compose.yml, or a zip holding one of them (or a
// Dockerfile) at its root. `readBundle(buffer)` → { ok, kind, image, port, error }.
import { crc32, inflateRawSync } from "node:zlib";

export const MAX_BUNDLE_BYTES = 8 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 256 * 1024;
const MAX_ZIP_ENTRIES = 2000;

const fail = (error) => ({ ok: false, kind: "unknown", image: "", port: 0, error });

/** Dockerrun.aws.json text → { ok, kind: "dockerrun", image, port, error }. */
export function readDockerrun(text) {
  if (typeof text !== "string" || text.length > MAX_MANIFEST_BYTES) return fail("Dockerrun.aws.json is too large.");
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ...fail("Dockerrun.aws.json is not valid JSON."), kind: "dockerrun" };
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return { ...fail("Dockerrun.aws.json must be a JSON object."), kind: "dockerrun" };
  const version = String(doc.AWSEBDockerrunVersion ?? "");
  if (version === "2" || version === "3") {
    const defs = Array.isArray(doc.containerDefinitions) ? doc.containerDefinitions : [];
    const first = defs.find((d) => d && typeof d.image === "string");
    if (!first) return { ...fail(`Dockerrun.aws.json version ${version}: containerDefinitions must name an image.`), kind: "dockerrun" };
    const port = Number(first.portMappings?.[0]?.containerPort ?? 0);
    return { ok: true, kind: "dockerrun", image: first.image.slice(0, 512), port: Number.isInteger(port) && port > 0 && port < 65536 ? port : 0, error: "" };
  }
  if (version !== "1") return { ...fail("Dockerrun.aws.json: AWSEBDockerrunVersion must be \"1\" on the Docker platform."), kind: "dockerrun" };
  const image = doc.Image?.Name;
  if (typeof image !== "string" || !image.trim() || image.length > 512) return { ...fail("Dockerrun.aws.json: 'Image.Name' is required."), kind: "dockerrun" };
  const ports = Array.isArray(doc.Ports) ? doc.Ports : [];
  const port = Number(ports[0]?.ContainerPort ?? 0);
  if (ports.length && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    return { ...fail("Dockerrun.aws.json: 'Ports[0].ContainerPort' must be a port number."), kind: "dockerrun" };
  }
  return { ok: true, kind: "dockerrun", image: image.trim(), port: ports.length ? port : 0, error: "" };
}

const unquote = (s) => s.trim().replace(/^(['"])(.*)\1$/, "$2");

/** docker-compose.yml text → the first service's image and container port (a bounded line reader, not full YAML). */
export function readCompose(text) {
  if (typeof text !== "string" || text.length > MAX_MANIFEST_BYTES) return fail("docker-compose.yml is too large.");
  const lines = text.split(/\r?\n/).slice(0, 5000);
  let inServices = false;
  let serviceIndent = -1;
  let services = 0;
  let image = "";
  let port = 0;
  let inPorts = false;
  for (const raw of lines) {
    const line = raw.replace(/\s+#.*$/, "");
    if (!line.trim() || line.trim().startsWith("#")) continue;
    const indent = line.length - line.trimStart().length;
    const t = line.trim();
    if (indent === 0) {
      inServices = t === "services:";
      inPorts = false;
      continue;
    }
    if (!inServices) continue;
    if (serviceIndent < 0 || indent === serviceIndent) {
      if (/^[A-Za-z0-9._-]+:\s*$/.test(t)) {
        serviceIndent = indent;
        services += 1;
        inPorts = false;
        continue;
      }
    }
    if (services !== 1) continue;
    const img = /^image:\s*(.+)$/.exec(t);
    if (img && !image) image = unquote(img[1]).slice(0, 512);
    if (/^ports:\s*$/.test(t)) {
      inPorts = true;
      continue;
    }
    if (/^ports:\s*\[(.*)\]\s*$/.test(t) && !port) {
      const first = /^ports:\s*\[(.*)\]\s*$/.exec(t)[1].split(",")[0] ?? "";
      port = containerPort(unquote(first));
      continue;
    }
    if (inPorts && t.startsWith("- ")) {
      if (!port) port = containerPort(unquote(t.slice(2)));
      continue;
    }
    if (inPorts && !t.startsWith("- ")) inPorts = false;
  }
  if (!services) return { ...fail("docker-compose.yml: no services defined."), kind: "compose" };
  if (!image) return { ...fail("docker-compose.yml: the service has no image (Beanstalk does not build compose services here)."), kind: "compose" };
  return { ok: true, kind: "compose", image, port, error: "" };
}

/** "80:8080" / "8080" / "127.0.0.1:80:8080/tcp" → 8080. */
function containerPort(spec) {
  const last = String(spec).split("/")[0].split(":").at(-1) ?? "";
  const n = Number(last);
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : 0;
}

/** The files at a zip's root (name → Buffer), stored or deflated; null when it is not a zip. */
export function unzipRoot(buf, wanted) {
  if (!Buffer.isBuffer(buf) || buf.length < 22 || buf.length > MAX_BUNDLE_BYTES) return null;
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count > MAX_ZIP_ENTRIES) return null;
  const out = new Map();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > buf.length) return null;
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    p += 46 + nameLen + extraLen + commentLen;
    if (!wanted.has(name) || out.has(name) || size > MAX_MANIFEST_BYTES) continue;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return null;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) return null;
    const data = buf.subarray(start, start + compressed);
    try {
      if (method === 0) out.set(name, Buffer.from(data));
      else if (method === 8) out.set(name, inflateRawSync(data, { maxOutputLength: MAX_MANIFEST_BYTES }));
    } catch {
      return null;
    }
  }
  return out;
}

/** A zip of stored (uncompressed) files: what the sandbox serves as a logs bundle, and tests build bundles with. */
export function zipFiles(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(String(content));
    const nameBuf = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = Object.keys(files).length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const ZIP_NAMES = new Set(["Dockerrun.aws.json", "docker-compose.yml", "docker-compose.yaml", "Dockerfile"]);

/** What a Docker platform bundle runs: { ok, kind: dockerrun|compose|dockerfile|unknown, image, port, error }. */
export function readBundle(buf) {
  if (!Buffer.isBuffer(buf)) return fail("The source bundle is empty.");
  if (buf.length > MAX_BUNDLE_BYTES) return fail("The source bundle is larger than the sandbox reads (8 MiB).");
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) {
    const files = unzipRoot(buf, ZIP_NAMES);
    if (!files) return fail("The source bundle is not a valid zip file.");
    if (files.has("Dockerrun.aws.json")) return readDockerrun(files.get("Dockerrun.aws.json").toString("utf8"));
    const compose = files.get("docker-compose.yml") ?? files.get("docker-compose.yaml");
    if (compose) return readCompose(compose.toString("utf8"));
    if (files.has("Dockerfile")) {
      const from = /^\s*FROM\s+(\S+)/im.exec(files.get("Dockerfile").toString("utf8"))?.[1] ?? "";
      const expose = Number(/^\s*EXPOSE\s+(\d+)/im.exec(files.get("Dockerfile").toString("utf8"))?.[1] ?? 0);
      return { ok: true, kind: "dockerfile", image: from.slice(0, 512), port: expose > 0 && expose < 65536 ? expose : 0, error: "" };
    }
    return fail("The source bundle has no Dockerrun.aws.json, docker-compose.yml or Dockerfile at its root.");
  }
  const text = buf.subarray(0, MAX_MANIFEST_BYTES + 1).toString("utf8");
  if (text.trimStart().startsWith("{")) return readDockerrun(text);
  if (/^services:\s*$/m.test(text)) return readCompose(text);
  return fail("The source bundle is neither a Dockerrun.aws.json, a docker-compose.yml nor a zip file.");
}
