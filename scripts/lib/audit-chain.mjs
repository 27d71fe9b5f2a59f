// The audit history's hash chain, shared by the app (lib/core/audit/chain.ts) and
// `npm run audit:verify`. Every record carries the hash of the one before it and a hash of its own
// content with that link, so editing, removing or reordering a record in Postgres breaks the chain
// at that record. (Removing the newest records leaves a shorter valid chain: compare the head
// hash with one kept elsewhere — Settings → Audit shows it.)
import { createHash } from "node:crypto";

/** The link before the first record. */
export const GENESIS = "0".repeat(64);

/** JSON with object keys sorted at every depth, so Postgres's jsonb key order does not matter. */
export function canonicalJson(value) {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

/** sha256 over the previous hash and the record's content (not its id or position). */
export function chainHash(prevHash, record) {
  const at = record.at instanceof Date ? record.at.toISOString() : new Date(record.at).toISOString();
  const content = canonicalJson({
    at,
    actorId: record.actorId ?? null,
    actorEmail: record.actorEmail,
    action: record.action,
    target: record.target ?? null,
    detail: record.detail ?? null,
  });
  return createHash("sha256").update(prevHash).update("\n").update(content).digest("hex");
}

/**
 * Walks records in chain order (by seq) and returns the first broken link, or null. Records from
 * before the chain began (no hash, all before the first hashed one) are counted, not checked.
 * `state` carries the walk across batches: pass the same object for every batch.
 */
export function verifyBatch(records, state) {
  for (const r of records) {
    state.checked = (state.checked ?? 0) + 1;
    if (!r.hash) {
      if (state.prev === undefined) {
        state.unchained = (state.unchained ?? 0) + 1;
        continue;
      }
      return { seq: String(r.seq), at: r.at, action: r.action, reason: "has no hash: it was added to the table directly, not by Portside" };
    }
    const expectedPrev = state.prev ?? GENESIS;
    if (r.prevHash !== expectedPrev) {
      return { seq: String(r.seq), at: r.at, action: r.action, reason: "does not follow the record before it: a record was removed, reordered or inserted here" };
    }
    if (chainHash(r.prevHash, r) !== r.hash) {
      return { seq: String(r.seq), at: r.at, action: r.action, reason: "was edited after it was written: its content no longer matches its hash" };
    }
    state.prev = r.hash;
  }
  return null;
}
