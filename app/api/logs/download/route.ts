import { requireUser } from "@/lib/core/auth/guard";
import { readEvents } from "@/lib/ecs/logs/live";
import { authFailure, liveErrorOf } from "@/lib/core/live/sse";
import { formatLine } from "@/lib/ecs/logs/events";
import { resolveLogRequest } from "@/lib/ecs/logs/request";
import { fileStamp } from "@/lib/ecs/logs/time-range";

export const dynamic = "force-dynamic";

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "_");

/**
 * Every line of a view's range as a text file (time, stream, message; tab-separated), streamed page
 * by page from FilterLogEvents, so a large range never sits in memory. A range running until now
 * ends at the moment of the request.
 */
export async function GET(request: Request) {
  try {
    await requireUser("viewer", "download logs");
  } catch (error) {
    return authFailure(error);
  }
  const now = Date.now();
  const resolved = await resolveLogRequest(request, now);
  if (!resolved.ok) return resolved.response;
  const { conn, parsed } = resolved;
  const endMs = parsed.endMs ?? now;
  const pages = readEvents(conn, resolved.region, resolved.query, { startMs: parsed.startMs, endMs });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await pages.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(next.value.map(formatLine).join("")));
      } catch (error) {
        // Headers are gone already: say it in the file rather than cut it silently.
        const { message, requestId } = liveErrorOf(error);
        controller.enqueue(encoder.encode(`\n# Download stopped: ${message}${requestId ? ` (request id ${requestId})` : ""}\n`));
        controller.close();
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  const { cluster, service, task } = parsed.view;
  const name = [cluster, service ?? task, resolved.container, fileStamp(parsed.startMs), fileStamp(endMs)].map((s) => safe(s!)).join("_");
  return new Response(body, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.log"`,
      "Cache-Control": "no-store",
    },
  });
}
