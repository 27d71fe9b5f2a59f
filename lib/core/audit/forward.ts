import "server-only";
import { CreateLogStreamCommand, PutLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { awsClient } from "@/lib/core/aws/clients";
import { db } from "@/lib/core/db/client";
import { live } from "@/lib/core/live/shared";
import { toExported, toJsonLine } from "./export";

/**
 * A copy of the audit history in CloudWatch Logs, outside the database an administrator could
 * edit: every record, oldest first, as the JSON line the export writes (with its hash-chain links),
 * to the stream `portside-audit` of a log group you create. Set
 *   PORTSIDE_AUDIT_CLOUDWATCH="<connection name>|<region>|<log group>"
 * One instance of a deployment forwards (a lease in the live relay); a cursor in Postgres says how
 * far it got, so nothing is sent twice or skipped across restarts. This is Portside writing its own
 * log, not a change to your infrastructure: it is not a plan and is not itself audited.
 */
export type ForwardTarget = { connection: string; region: string; logGroup: string };

export const STREAM = "portside-audit";
const BATCH = 500;
const MAX_MESSAGE = 200_000; // CloudWatch takes up to 256 KB per event
const LEASE = "audit|cloudwatch-forward";

/** The setting, checked and bounded; null when unset or malformed (then nothing is forwarded). */
export function parseForwardTarget(value: string | undefined): ForwardTarget | null {
  if (!value || value.length > 1_000) return null;
  const parts = value.split("|");
  if (parts.length !== 3) return null;
  const [connection, region, logGroup] = parts.map((p) => p.trim()) as [string, string, string];
  if (!connection || connection.length > 100) return null;
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) return null;
  if (!/^[\w./#-]{1,512}$/.test(logGroup)) return null;
  return { connection, region, logGroup };
}

/** CloudWatch log events for audit records: their own time, the JSON line, bounded in size. */
export function toLogEvents(rows: Parameters<typeof toExported>[0][]): { timestamp: number; message: string }[] {
  return rows.map((row) => {
    const line = toJsonLine(toExported(row)).trimEnd();
    return { timestamp: row.at.getTime(), message: line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}…(truncated)` : line };
  });
}

const g = globalThis as typeof globalThis & { __portsideAuditForward?: { timer: NodeJS.Timeout; streamReady: Set<string>; running: boolean } };

/** One pass: the records after the cursor, in batches, until none are left or AWS refuses. */
export async function forwardOnce(target: ForwardTarget, streamReady = new Set<string>()): Promise<number> {
  if ((await live.relay?.acquire(LEASE).catch(() => null)) === false) return 0;
  const conn = await db().connection.findUnique({ where: { name: target.connection } });
  if (!conn) throw new Error(`no connection named "${target.connection}"`);
  const id = `cloudwatch|${target.connection}|${target.region}|${target.logGroup}`;
  const logs = awsClient(conn, target.region, "logs");
  let sent = 0;
  for (;;) {
    const cursor = await db().auditForwardCursor.findUnique({ where: { id } });
    const rows = await db().auditEvent.findMany({ where: cursor ? { seq: { gt: cursor.seq } } : {}, orderBy: { seq: "asc" }, take: BATCH });
    if (rows.length === 0) return sent;
    const streamKey = `${conn.id}|${id}`;
    if (!streamReady.has(streamKey)) {
      await logs.send(new CreateLogStreamCommand({ logGroupName: target.logGroup, logStreamName: STREAM })).catch((error: { name?: string }) => {
        if (error?.name !== "ResourceAlreadyExistsException") throw error;
      });
      streamReady.add(streamKey);
    }
    try {
      await logs.send(new PutLogEventsCommand({ logGroupName: target.logGroup, logStreamName: STREAM, logEvents: toLogEvents(rows) }));
    } catch (error) {
      streamReady.delete(streamKey); // the group or stream may be gone: make it again next time
      throw error;
    }
    const last = rows[rows.length - 1]!.seq;
    await db().auditForwardCursor.upsert({ where: { id }, create: { id, seq: last }, update: { seq: last } });
    sent += rows.length;
  }
}

/** Started once per server process (instrumentation.ts) when PORTSIDE_AUDIT_CLOUDWATCH is set. */
export function startAuditForwarding(): void {
  const target = parseForwardTarget(process.env.PORTSIDE_AUDIT_CLOUDWATCH);
  if (process.env.PORTSIDE_AUDIT_CLOUDWATCH && !target) console.error('[audit] PORTSIDE_AUDIT_CLOUDWATCH must be "<connection name>|<region>|<log group>"; not forwarding');
  if (!target || g.__portsideAuditForward) return;
  const intervalMs = Number(process.env.PORTSIDE_AUDIT_FORWARD_MS) > 0 ? Number(process.env.PORTSIDE_AUDIT_FORWARD_MS) : 10_000;
  const state = { streamReady: new Set<string>(), running: false, timer: undefined as unknown as NodeJS.Timeout };
  state.timer = setInterval(() => {
    if (state.running) return;
    state.running = true;
    forwardOnce(target, state.streamReady)
      .catch((error: Error) => console.error(`[audit] copying the history to CloudWatch Logs (${target.logGroup}) failed; retrying: ${error.name}: ${error.message}`))
      .finally(() => (state.running = false));
  }, intervalMs);
  state.timer.unref();
  g.__portsideAuditForward = state;
}
