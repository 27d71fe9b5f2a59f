import { blob64, type Blob64 } from "@/lib/core/plans/blobs";
import { DomainError } from "@/lib/core/errors";
import { parseBundle, type ParsedBundle } from "./parse";
import { isZip, readZip, ZIP_LIMITS } from "./zip";
const ROOT_MANIFESTS = ["Dockerrun.aws.json", "docker-compose.yml", "docker-compose.yaml"] as const;

export type ParsedZipBundle = (ParsedBundle & { ok: true; bytes: Buffer; contains: string }) | { ok: false; message: string };

/**
 * An uploaded zip bundle (its bytes, as the upload route stored them) → what it runs: the zip is
 * read with the bounded reader and its root Dockerrun.aws.json or docker-compose.yml goes through
 * the same checks as an uploaded manifest. Never throws.
 */
export function parseZipBundle(input: Uint8Array): ParsedZipBundle {
  if (!(input instanceof Uint8Array) || input.length === 0) return { ok: false, message: "Choose a zip bundle." };
  if (input.length > ZIP_LIMITS.bytes) return { ok: false, message: `Zip bundles uploaded here are at most ${ZIP_LIMITS.bytes / 1024 / 1024} MB.` };
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (!isZip(bytes)) return { ok: false, message: "The file is not a zip." };
  const read = readZip(bytes, new Set(ROOT_MANIFESTS));
  if (!read.ok) return read;
  const contains = ROOT_MANIFESTS.find((n) => read.files.has(n));
  if (!contains) return { ok: false, message: "The zip has no Dockerrun.aws.json or docker-compose.yml at its root." };
  const parsed = parseBundle(read.files.get(contains)!.toString("utf8"));
  if (!parsed.ok) return { ok: false, message: `In the zip: ${parsed.message}` };
  return { ...parsed, bytes, contains };
}

/** The S3 upload of a checked zip bundle: its bytes as { $base64 } (the executor needs them in the plan), noted with what it holds. */
export function zipUpload(bytes: Uint8Array | undefined): { fileName: string; body: Blob64; contentType: string } {
  if (!bytes) throw new DomainError("Choose the zip again: Portside keeps an upload for an hour.");
  const zip = parseZipBundle(bytes);
  if (!zip.ok) throw new DomainError(zip.message);
  return { fileName: "bundle.zip", body: blob64(zip.bytes, `zip, contains ${zip.contains}`), contentType: "application/zip" };
}
