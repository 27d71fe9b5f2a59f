import { getRun } from "@/lib/core/audit/runs";
import { isFinished, toRunView } from "@/lib/core/audit/run-view";
import { requireUser } from "@/lib/core/auth/guard";
import { isDomainError } from "@/lib/core/errors";

export const dynamic = "force-dynamic";

const POLL_MS = 400;
const MAX_STREAM_MS = 15 * 60_000;

/**
 * Server-Sent Events: the run's state whenever it changes, until it finishes.
 * Progress is read from Postgres, so it works whichever instance runs the plan.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  let viewer;
  try {
    viewer = await requireUser("viewer", "view runs");
  } catch (error) {
    const status = isDomainError(error) && error.name === "UnauthenticatedError" ? 401 : 403;
    return new Response((error as Error).message, { status });
  }
  const { id } = await params;
  if (!(await getRun(id))) return new Response("Run not found", { status: 404 });

  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      let last = "";
      let lastSentAt = 0;
      const started = Date.now();
      const send = (event: string, data: string) => controller.enqueue(encoder.encode(`event: ${event}\ndata: ${data}\n\n`));
      try {
        while (!request.signal.aborted && Date.now() - started < MAX_STREAM_MS) {
          const run = await getRun(id);
          if (!run) break;
          const view = JSON.stringify(toRunView(run, viewer));
          if (view !== last) {
            send("run", view);
            last = view;
            lastSentAt = Date.now();
          } else if (Date.now() - lastSentAt > 15_000) {
            // A comment line keeps proxies from closing an idle stream.
            controller.enqueue(encoder.encode(": keep-alive\n\n"));
            lastSentAt = Date.now();
          }
          if (isFinished(run.status)) break;
          await new Promise((r) => setTimeout(r, POLL_MS));
        }
        send("end", "{}");
      } catch (error) {
        console.error("[sse] run stream", error);
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive" },
  });
}
