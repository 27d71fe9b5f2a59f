import { crc32, inflateRawSync } from "node:zlib";
import { BUNDLE_LIMITS } from "./parse";

/**
 * A bounded reader for the zip source bundles people upload: it walks the central directory only
 * as far as the bounds allow (archive size, entry count, declared uncompressed total, per-entry
 * compression ratio, safe relative names) and inflates just the root files asked for, each
 * capped at `manifestBytes` and checked against its CRC. Never throws: the files or a message.
 */
export const ZIP_LIMITS = { bytes: BUNDLE_LIMITS.zipBytes, entries: 1_000, totalBytes: 50 * 1024 * 1024, ratio: 100, manifestBytes: 64 * 1024, nameLength: 512 } as const;

export type ZipRead = { ok: true; entries: number; files: Map<string, Buffer> } | { ok: false; message: string };

const fail = (message: string): ZipRead => ({ ok: false, message });

export const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** A name a zip may carry: relative, forward slashes, no "..", no drive letter, no control characters. */
export function safeEntryName(name: string): boolean {
  if (!name || name.length > ZIP_LIMITS.nameLength) return false;
  if (/[\u0000-\u001f\\]/.test(name) || name.startsWith("/") || /^[A-Za-z]:/.test(name)) return false;
  return !name.split("/").some((part) => part === "..");
}

function endOfDirectory(b: Buffer): number {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) if (b.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

export function readZip(bytes: Uint8Array, wanted: ReadonlySet<string>): ZipRead {
  if (bytes.length > ZIP_LIMITS.bytes) return fail(`Zip bundles uploaded here are at most ${ZIP_LIMITS.bytes / 1024 / 1024} MB.`);
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = b.length >= 22 ? endOfDirectory(b) : -1;
  if (eocd < 0) return fail("The file is not a readable zip (no central directory).");
  const count = b.readUInt16LE(eocd + 10);
  if (count === 0xffff || b.readUInt32LE(eocd + 16) === 0xffffffff) return fail("Zip64 archives are not taken here.");
  if (count > ZIP_LIMITS.entries) return fail(`The zip has ${count} entries: at most ${ZIP_LIMITS.entries} are taken.`);
  let p = b.readUInt32LE(eocd + 16);
  let total = 0;
  const files = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return fail("The zip's central directory is damaged.");
    const flags = b.readUInt16LE(p + 8);
    const method = b.readUInt16LE(p + 10);
    const crc = b.readUInt32LE(p + 16);
    const compressed = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const local = b.readUInt32LE(p + 42);
    if (p + 46 + nameLen > b.length) return fail("The zip's central directory is damaged.");
    const name = b.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    if (!safeEntryName(name)) return fail(`The zip holds an unsafe file name (${JSON.stringify(name.slice(0, 80))}): names are relative, without "..".`);
    if (flags & 1) return fail("Encrypted zips are not taken here.");
    total += size;
    if (total > ZIP_LIMITS.totalBytes) return fail(`The zip unpacks to more than ${ZIP_LIMITS.totalBytes / 1024 / 1024} MB.`);
    if (size > Math.max(compressed, 1) * ZIP_LIMITS.ratio) return fail(`${name} in the zip is compressed more than ${ZIP_LIMITS.ratio} to 1: not taken.`);
    if (!wanted.has(name) || files.has(name)) continue;
    if (size > ZIP_LIMITS.manifestBytes) return fail(`${name} in the zip is larger than ${ZIP_LIMITS.manifestBytes / 1024} KB.`);
    if (method !== 0 && method !== 8) return fail(`${name} in the zip uses a compression method other than stored or deflate.`);
    if (local + 30 > b.length || b.readUInt32LE(local) !== 0x04034b50) return fail("The zip's entries are damaged.");
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    if (start + compressed > b.length) return fail("The zip's entries are damaged.");
    const data = b.subarray(start, start + compressed);
    let out: Buffer;
    try {
      out = method === 0 ? Buffer.from(data) : inflateRawSync(data, { maxOutputLength: ZIP_LIMITS.manifestBytes });
    } catch {
      return fail(`${name} in the zip cannot be inflated.`);
    }
    if (out.length !== size || crc32(out) !== crc) return fail(`${name} in the zip is damaged (size or checksum differs).`);
    files.set(name, out);
  }
  return { ok: true, entries: count, files };
}
