import "server-only";
import { db } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { GENESIS, chainHash, verifyBatch, type BrokenLink, type VerifyState } from "@/scripts/lib/audit-chain.mjs";

// Every audit record is appended through here: under one transaction-scoped advisory lock (so two
// instances writing at once still make one chain), it reads the newest record's hash and writes
// the new record with that link and its own hash (scripts/lib/audit-chain.mjs).
const CHAIN_LOCK = 0x61756474; // "audt"
const VERIFY_BATCH = 1000;

export type AuditEntry = {
  actorId: string | null;
  actorEmail: string;
  action: string;
  target?: string | null;
  detail?: Prisma.InputJsonValue;
};

/** Appends one record to the chain. */
export async function appendAuditEvent(entry: AuditEntry): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
    const last = await tx.auditEvent.findFirst({ where: { hash: { not: null } }, orderBy: { seq: "desc" }, select: { hash: true } });
    // Postgres keeps milliseconds (timestamp(3)), as a Date does: the hash sees what is stored.
    const at = new Date();
    const record = { at, actorId: entry.actorId, actorEmail: entry.actorEmail, action: entry.action, target: entry.target ?? null, detail: entry.detail ?? null };
    const prevHash = last?.hash ?? GENESIS;
    await tx.auditEvent.create({
      data: { ...record, detail: entry.detail, prevHash, hash: chainHash(prevHash, record) },
    });
  });
}

export type ChainReport = { checked: number; unchained: number; head: string | null; broken: BrokenLink | null };

/** Walks the whole chain in batches and reports the first broken link, with the head hash. */
export async function verifyAuditChain(): Promise<ChainReport> {
  const state: VerifyState = {};
  let after: bigint | undefined;
  for (;;) {
    const rows = await db().auditEvent.findMany({
      where: after === undefined ? undefined : { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: VERIFY_BATCH,
    });
    if (rows.length === 0) break;
    const broken = verifyBatch(rows, state);
    if (broken) return { checked: state.checked ?? 0, unchained: state.unchained ?? 0, head: state.prev ?? null, broken };
    after = rows[rows.length - 1]!.seq;
  }
  return { checked: state.checked ?? 0, unchained: state.unchained ?? 0, head: state.prev ?? null, broken: null };
}
