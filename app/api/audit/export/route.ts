import { recordAccountEvent } from "@/lib/core/audit/account-events";
import { CSV_HEADER, exportedEvents, parseExportQuery, toCsvLine, toJsonLine } from "@/lib/core/audit/export";
import { requireUser } from "@/lib/core/auth/guard";
import { authFailure } from "@/lib/core/live/sse";

export const dynamic = "force-dynamic";

/**
 * Admins download the audit history (Portside changes) as JSON Lines or CSV, filtered by dates,
 * action and actor. The session is checked before the query string is read; the export itself is
 * recorded (who took a copy, with which filter).
 */
export async function GET(request: Request) {
  let user;
  try {
    user = await requireUser("admin", "export the audit history");
  } catch (error) {
    return authFailure(error);
  }
  const parsed = parseExportQuery(new URL(request.url).search.slice(1));
  if (!parsed.ok) return new Response(parsed.message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { query } = parsed;
  await recordAccountEvent({ actor: user, action: "audit.export", detail: query });
  const encoder = new TextEncoder();
  const batches = exportedEvents(query);
  const line = query.format === "csv" ? toCsvLine : toJsonLine;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started && query.format === "csv") controller.enqueue(encoder.encode(CSV_HEADER));
      started = true;
      const next = await batches.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map(line).join("")));
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "");
  return new Response(body, {
    headers: {
      "Content-Type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="portside-audit-${stamp}.${query.format}"`,
      "Cache-Control": "no-store",
    },
  });
}
