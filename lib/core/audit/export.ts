import "server-only";
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The audit history as a file an auditor can keep and check elsewhere: JSON Lines or CSV, oldest
 * first, each record with its place in the hash chain (seq, prevHash, hash), so a copy can be
 * verified against the database later (scripts/lib/audit-chain.mjs).
 */
const MAX_QUERY = 1_000;
const BATCH = 500;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD.")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Use a real date.");

export const exportQuerySchema = z
  .object({
    format: z.enum(["jsonl", "csv"]).default("jsonl"),
    from: day.optional(),
    to: day.optional(),
    action: z
      .string()
      .max(64, "At most 64 characters.")
      .regex(/^[a-z.]*$/, "Actions are lower-case words with dots, e.g. user. or connection.update.")
      .optional(),
    actor: z.string().max(254, "At most 254 characters.").optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "The start date is after the end date.", path: ["from"] });

export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** The query string of an export request: bounded, only the known keys, each at most once. */
export function parseExportQuery(search: string): { ok: true; query: ExportQuery } | { ok: false; message: string } {
  if (search.length > MAX_QUERY) return { ok: false, message: "The filter is too long." };
  const params = new URLSearchParams(search);
  const raw: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!["format", "from", "to", "action", "actor"].includes(key)) return { ok: false, message: `Unknown filter "${key.slice(0, 40)}".` };
    if (key in raw) return { ok: false, message: `The filter "${key}" is given twice.` };
    if (value !== "") raw[key] = value;
  }
  const parsed = exportQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${String(issue?.path[0] ?? "filter")}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, query: parsed.data };
}

function whereOf(q: ExportQuery): Prisma.AuditEventWhereInput {
  return {
    ...(q.from || q.to ? { at: { ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}), ...(q.to ? { lt: new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000) } : {}) } } : {}),
    ...(q.action ? { action: { startsWith: q.action } } : {}),
    ...(q.actor ? { actorEmail: { equals: q.actor, mode: "insensitive" as const } } : {}),
  };
}

export type ExportedEvent = { seq: string; at: string; actor: string; action: string; target: string | null; detail: unknown; prevHash: string | null; hash: string | null };

type AuditRow = { seq: bigint; at: Date; actorEmail: string; action: string; target: string | null; detail: unknown; prevHash: string | null; hash: string | null };

/** One record as exports and the CloudWatch copy carry it: with its links in the hash chain. */
export function toExported(r: AuditRow): ExportedEvent {
  return { seq: r.seq.toString(), at: r.at.toISOString(), actor: r.actorEmail, action: r.action, target: r.target, detail: r.detail ?? null, prevHash: r.prevHash, hash: r.hash };
}

/** Matching records oldest first, read in batches so a long history never sits in memory. */
export async function* exportedEvents(q: ExportQuery): AsyncGenerator<ExportedEvent[]> {
  let after: bigint | null = null;
  for (;;) {
    const rows: Awaited<ReturnType<ReturnType<typeof db>["auditEvent"]["findMany"]>> = await db().auditEvent.findMany({
      where: { ...whereOf(q), ...(after !== null ? { seq: { gt: after } } : {}) },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) return;
    yield rows.map(toExported);
    after = rows[rows.length - 1]!.seq;
    if (rows.length < BATCH) return;
  }
}

export const CSV_HEADER = "seq,at,actor,action,target,detail,prev_hash,hash\n";

/**
 * One CSV cell: quoted when needed, and a leading = + - @ (or tab / CR) neutralised with a quote
 * mark, so a spreadsheet opening the file never runs what a user name or target smuggled in.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsvLine(e: ExportedEvent): string {
  return [e.seq, e.at, e.actor, e.action, e.target, e.detail, e.prevHash, e.hash].map(csvCell).join(",") + "\n";
}

export function toJsonLine(e: ExportedEvent): string {
  return JSON.stringify(e) + "\n";
}
