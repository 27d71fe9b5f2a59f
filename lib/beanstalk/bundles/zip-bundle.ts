import { blob64, type Blob64 } from "@/lib/core/plans/blobs";
import { DomainError } from "@/lib/core/errors";
import { parseBundle, ZIP_BASE64_MAX, type ParsedBundle } from "./parse";
import { isZip, readZip, ZIP_LIMITS } from "./zip";
const ROOT_MANIFESTS = ["Dockerrun.aws.json", "docker-compose.yml", "docker-compose.yaml"] as const;

export type ParsedZipBundle = (ParsedBundle & { ok: true; bytes: Buffer; contains: string }) | { ok: false; message: string };

/**
 * An uploaded zip bundle (base64, as the form carries it) → its bytes and what it runs: the zip is
 * read with the bounded reader and its root Dockerrun.aws.json or docker-compose.yml goes through
 * the same checks as an uploaded manifest. Never throws.
 */
export function parseZipBundle(base64: string): ParsedZipBundle {
  if (typeof base64 !== "string" || !base64) return { ok: false, message: "Choose a zip bundle." };
  if (base64.length > ZIP_BASE64_MAX) return { ok: false, message: `Zip bundles uploaded here are at most ${ZIP_LIMITS.bytes / 1024 / 1024} MB.` };
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) return { ok: false, message: "The zip did not arrive whole: choose the file again." };
  const bytes = Buffer.from(base64, "base64");
  if (!isZip(bytes)) return { ok: false, message: "The file is not a zip." };
  const read = readZip(bytes, new Set(ROOT_MANIFESTS));
  if (!read.ok) return read;
  const contains = ROOT_MANIFESTS.find((n) => read.files.has(n));
  if (!contains) return { ok: false, message: "The zip has no Dockerrun.aws.json or docker-compose.yml at its root." };
  const parsed = parseBundle(read.files.get(contains)!.toString("utf8"));
  if (!parsed.ok) return { ok: false, message: `In the zip: ${parsed.message}` };
  return { ...parsed, bytes, contains };
}

/** The S3 upload of a checked zip bundle: its bytes as { $base64 }, noted with what it holds. */
export function zipUpload(base64: string): { fileName: string; body: Blob64; contentType: string } {
  const zip = parseZipBundle(base64);
  if (!zip.ok) throw new DomainError(zip.message);
  return { fileName: "bundle.zip", body: blob64(zip.bytes, `zip, contains ${zip.contains}`), contentType: "application/zip" };
}
