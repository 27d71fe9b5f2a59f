import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { db } from "@/lib/core/db/client";
import { CHOOSE_AGAIN, UPLOAD_ID } from "./upload-id";

/** How long an upload waits for its wizard, and how many one person keeps (the newest). */
export const UPLOAD_KEEP = { ms: 60 * 60_000, perUser: 10 } as const;

/**
 * Stores a checked zip for the person who sent it. Each upload first drops everyone's uploads
 * older than an hour, and afterwards this person's beyond the newest UPLOAD_KEEP.perUser: the
 * table never holds more than an hour of uploads, ten per person.
 */
export async function saveBundleUpload(userId: string, name: string, bytes: Buffer, now = new Date()): Promise<{ id: string; sha256: string }> {
  const id = randomUUID();
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await db().$transaction(async (tx) => {
    await tx.bundleUpload.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - UPLOAD_KEEP.ms) } } });
    await tx.bundleUpload.create({ data: { id, userId, name, sha256, bytes: new Uint8Array(bytes), createdAt: now } });
    const kept = await tx.bundleUpload.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true }, skip: UPLOAD_KEEP.perUser });
    if (kept.length) await tx.bundleUpload.deleteMany({ where: { id: { in: kept.map((k) => k.id) } } });
  });
  return { id, sha256 };
}

/** The upload `id` if it is this person's and less than an hour old; null for anyone else's, expired or unknown. */
export async function loadBundleUpload(id: string, userId: string, now = new Date()): Promise<{ name: string; bytes: Buffer; sha256: string } | null> {
  if (!UPLOAD_ID.test(id)) return null;
  const row = await db().bundleUpload.findFirst({ where: { id, userId, createdAt: { gte: new Date(now.getTime() - UPLOAD_KEEP.ms) } }, select: { name: true, bytes: true, sha256: true } });
  return row ? { name: row.name, sha256: row.sha256, bytes: Buffer.from(row.bytes) } : null;
}

/**
 * The bytes of this person's upload `id`, or the message for the zip field (someone else's, expired
 * or unknown). They were checked before they were stored, and the plan's zipUpload reads them again
 * for what the review shows: no third parse here.
 */
export async function uploadedZip(id: string, userId: string): Promise<{ ok: true; bytes: Buffer } | { ok: false; message: string }> {
  const upload = await loadBundleUpload(id, userId);
  return upload ? { ok: true, bytes: upload.bytes } : { ok: false, message: CHOOSE_AGAIN };
}
