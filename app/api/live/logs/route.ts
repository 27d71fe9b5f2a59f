import { requireUser } from "@/lib/core/auth/guard";
import { liveTailSource, readEvents, type TailBatch } from "@/lib/ecs/logs/live";
import { live, liveKey } from "@/lib/core/live/shared";
import { authFailure, eventStream, liveErrorOf } from "@/lib/core/live/sse";
import { sameEventKey, toWire, type LogEvent } from "@/lib/ecs/logs/events";
import { RecentIds } from "@/lib/ecs/logs/line-buffer";
import { MAX_VIEWER_LINES } from "@/lib/ecs/logs/limits";
import { resolveLogRequest } from "@/lib/ecs/logs/request";

export const dynamic = "force-dynamic";

/**
 * SSE: the lines of a service's or task's container for a time range — first what the range holds
 * (FilterLogEvents pages, as `lines` events, then `ready`), then, for a range that runs until now,
 * new lines from the live tail shared by every viewer of the same group, streams and pattern.
 */
export async function GET(request: Request) {
  try {
    await requireUser("viewer", "read logs");
  } catch (error) {
    return authFailure(error);
  }
  const resolved = await resolveLogRequest(request, Date.now());
  if (!resolved.ok) return resolved.response;
  const { conn, parsed, region, query } = resolved;

  return eventStream(request, (send) => {
    let closed = false;
    let unsubscribe: (() => void) | null = null;
    // Lines near the join of the range read and the live tail may come from both: sent once.
    const recent = new RecentIds(20_000);
    const joinFrom = Date.now() - 60_000;
    const forward = (events: LogEvent[]) => {
      const fresh = events.filter((e) => e.ts < joinFrom || recent.add(sameEventKey(e)));
      if (fresh.length) send("lines", { lines: fresh.map(toWire) });
    };
    void (async () => {
      let count = 0;
      try {
        for await (const page of readEvents(conn, region, query, { startMs: parsed.startMs, endMs: parsed.endMs, maxEvents: MAX_VIEWER_LINES })) {
          if (closed) return;
          count += page.length;
          forward(page);
        }
        send("ready", { count, truncated: count >= MAX_VIEWER_LINES, live: parsed.endMs === null });
      } catch (error) {
        send("failure", liveErrorOf(error));
        return;
      }
      if (closed || parsed.endMs !== null) return;
      const key = liveKey(conn, region, "logs", "tail", query.group, JSON.stringify(query.selection), query.pattern ?? "");
      // A running tail replays its last batch to a new subscriber: the range read already has it.
      let replay = true;
      unsubscribe = live.hub.subscribe<TailBatch>(key, liveTailSource(conn, region, query), (event) => {
        if (event.type === "data") {
          if (!replay) forward(event.value.events);
          send("tail", { mode: event.value.mode, at: event.at });
        } else send("failure", { ...liveErrorOf(event.error), retryInMs: event.retryInMs });
      });
      replay = false;
    })();
    return () => {
      closed = true;
      unsubscribe?.();
    };
  });
}
