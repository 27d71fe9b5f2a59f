import { createHash } from "node:crypto";

/**
 * Binary request members in a plan. Plans are JSON, so bytes travel as `{ "$base64": "…" }`
 * (with an optional `$note` saying what they are, e.g. "zip, contains Dockerrun.aws.json"); the
 * executor decodes every such value to bytes just before the request is sent (S3 PutObject's
 * Body, for one). Reviews, the CLI view and the recorded steps show `describeBlobs` instead:
 * the size and SHA-256 of the bytes, never the base64 itself.
 */
export type Blob64 = { $base64: string; $note?: string };

export function isBlob64(value: unknown): value is Blob64 {
  return value !== null && typeof value === "object" && !Array.isArray(value) && typeof (value as Blob64).$base64 === "string";
}

export function blob64(bytes: Uint8Array, note?: string): Blob64 {
  const $base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  return note ? { $base64, $note: note } : { $base64 };
}

/** "zip, contains Dockerrun.aws.json: 1234 bytes, sha256 ab12…" */
export function describeBlob(blob: Blob64): string {
  const bytes = Buffer.from(blob.$base64, "base64");
  const sha = createHash("sha256").update(bytes).digest("hex");
  return `${blob.$note ? `${blob.$note}: ` : ""}${bytes.length} bytes, sha256 ${sha}`;
}

function mapBlobs(value: unknown, f: (b: Blob64) => unknown): unknown {
  if (isBlob64(value)) return f(value);
  if (Array.isArray(value)) return value.map((v) => mapBlobs(v, f));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapBlobs(v, f)]));
  return value;
}

/** The request as sent: every blob decoded to bytes. */
export const decodeBlobs = <T>(value: T): T => mapBlobs(value, (b) => Buffer.from(b.$base64, "base64")) as T;

/** The request as shown and recorded: every blob replaced by its description. */
export const describeBlobs = <T>(value: T): T => mapBlobs(value, (b) => `<${describeBlob(b)}>`) as T;

export const hasBlobs = (value: unknown): boolean => {
  let found = false;
  mapBlobs(value, (b) => ((found = true), b));
  return found;
};
