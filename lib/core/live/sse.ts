import "server-only";
import { isDomainError } from "@/lib/core/errors";
import { liveErrorOf } from "./poll-error";
import { live } from "./shared";
import type { WatchSource } from "./hub";

export { liveErrorOf };

const KEEP_ALIVE_MS = 15_000;

type Send = (event: string, data: unknown) => void;

/**
 * A Server-Sent Events response. `start` gets a `send` function and returns its cleanup, run when
 * the browser goes away. A comment line every 15 s keeps proxies from closing an idle stream.
 */
export function eventStream(request: Request, start: (send: Send) => (() => void) | void): Response {
  const encoder = new TextEncoder();
  let cleanup: (() => void) | void;
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  const stream = new ReadableStream({
    start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(keepAlive);
        cleanup?.();
        try {
          controller.close();
        } catch {}
      };
      const send: Send = (event, data) => {
        if (closed) return;
        controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      };
      keepAlive = setInterval(() => !closed && controller.enqueue(encoder.encode(": keep-alive\n\n")), KEEP_ALIVE_MS);
      request.signal.addEventListener("abort", close);
      cleanup = start(send);
      if (request.signal.aborted) close();
    },
    cancel() {
      closed = true;
      clearInterval(keepAlive);
      cleanup?.();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive" },
  });
}

/**
 * Streams a shared watcher to one browser: `data` events with the (mapped) value whenever it
 * changes, `error` events with a person-readable message while AWS fails (polling continues).
 */
export function watchStream<T, V = T>(request: Request, key: string, source: WatchSource<T>, view?: (value: T) => V): Response {
  return eventStream(request, (send) =>
    live.hub.subscribe(key, source, (event) => {
      if (event.type === "data") send("data", { value: view ? view(event.value) : event.value, at: event.at });
      else send("error", { ...liveErrorOf(event.error), at: event.at, retryInMs: event.retryInMs });
    }),
  );
}

/** For route handlers: turn an auth failure into the right HTTP status. */
export function authFailure(error: unknown): Response {
  const status = isDomainError(error) && error.name === "UnauthenticatedError" ? 401 : isDomainError(error) && error.name === "NotFoundError" ? 404 : 403;
  return new Response(isDomainError(error) ? error.message : "Forbidden", { status });
}
