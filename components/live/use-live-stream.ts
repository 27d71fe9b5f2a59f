"use client";

import { useCallback, useEffect, useState } from "react";

export type LiveStatus = "connecting" | "live" | "paused" | "reconnecting";
export type LiveError = { message: string; requestId?: string; retryInMs?: number };

export type LiveStream<T> = {
  value: T;
  status: LiveStatus;
  /** Set while AWS reads fail; cleared by the next good value. */
  error: LiveError | null;
  /** When the server last read this value from AWS (ms since epoch), null until the first event. */
  at: number | null;
  pause: () => void;
  resume: () => void;
};

/**
 * Follows a live SSE route (lib/core/live/sse.ts watchStream): `data` events replace the value, `error`
 * events keep the last value and show why it is stale. The browser's EventSource reconnects by
 * itself; meanwhile the status says "reconnecting". Pausing closes the stream (no polling is kept
 * alive upstream for a paused viewer).
 */
export function useLiveStream<T>(url: string | null, initial: T): LiveStream<T> {
  const [value, setValue] = useState(initial);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [error, setError] = useState<LiveError | null>(null);
  const [at, setAt] = useState<number | null>(null);
  const [paused, setPaused] = useState(false);

  useEffect(() => setValue(initial), [initial]);

  useEffect(() => {
    if (!url || paused) return;
    setStatus("connecting");
    const source = new EventSource(url);
    source.addEventListener("data", (e) => {
      const payload = JSON.parse((e as MessageEvent<string>).data) as { value: T; at: number };
      setValue(payload.value);
      setAt(payload.at);
      setError(null);
      setStatus("live");
    });
    source.addEventListener("error", (e) => {
      const data = (e as MessageEvent<string>).data;
      if (typeof data === "string" && data) {
        // A server-sent `error` event: AWS refused; the stream itself is fine.
        const payload = JSON.parse(data) as LiveError & { at: number };
        setError(payload);
        setStatus("live");
      } else {
        setStatus("reconnecting");
      }
    });
    source.onopen = () => setStatus((s) => (s === "reconnecting" || s === "connecting" ? "live" : s));
    return () => source.close();
  }, [url, paused]);

  const pause = useCallback(() => {
    setPaused(true);
    setStatus("paused");
  }, []);
  const resume = useCallback(() => setPaused(false), []);

  return { value, status: paused ? "paused" : status, error, at, pause, resume };
}
