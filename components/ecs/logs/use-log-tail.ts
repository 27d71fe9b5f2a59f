"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { WireLine } from "@/lib/ecs/logs/events";
import { LineBuffer } from "@/lib/ecs/logs/line-buffer";
import { MAX_VIEWER_LINES } from "@/lib/ecs/logs/limits";

export type TailPhase = "idle" | "loading" | "live" | "done" | "reconnecting" | "failed";

export type TailState = {
  phase: TailPhase;
  /** How new lines arrive: AWS pushes them (StartLiveTail) or the server polls FilterLogEvents. */
  mode: "live-tail" | "polling" | null;
  /** An AWS read failed; the lines shown stay. */
  error: { message: string; requestId?: string } | null;
  /** The range holds more lines than a viewer keeps. */
  truncated: boolean;
  /** When the live tail last read AWS. */
  at: number | null;
};

const INITIAL: TailState = { phase: "idle", mode: null, error: null, truncated: false, at: null };

/**
 * Follows /api/live/logs. Lines live in a bounded buffer outside React state; arrivals are batched
 * into one render per animation frame (`version` ticks). Pausing holds new lines back without
 * closing the stream, so resuming shows them with nothing missed.
 */
export function useLogTail(url: string | null) {
  const buffer = useRef(new LineBuffer<WireLine>(MAX_VIEWER_LINES));
  const queue = useRef<WireLine[]>([]);
  const held = useRef(new LineBuffer<WireLine>(MAX_VIEWER_LINES));
  const pausedRef = useRef(false);
  const [paused, setPaused] = useState(false);
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<TailState>(INITIAL);

  useEffect(() => {
    buffer.current.clear();
    held.current.clear();
    queue.current = [];
    setVersion((v) => v + 1);
    if (!url) return setState(INITIAL);
    setState({ ...INITIAL, phase: "loading" });
    let frame = 0;
    let opened = false;
    const flush = () => {
      frame = 0;
      const lines = queue.current;
      queue.current = [];
      (pausedRef.current ? held.current : buffer.current).push(lines);
      setVersion((v) => v + 1);
    };
    const source = new EventSource(url);
    const on = (name: string, fn: (data: never) => void) =>
      source.addEventListener(name, (e) => fn(JSON.parse((e as MessageEvent<string>).data) as never));
    source.onopen = () => {
      // A reconnect replays the range from the start: begin again rather than show lines twice.
      if (opened) {
        buffer.current.clear();
        held.current.clear();
        queue.current = [];
        setVersion((v) => v + 1);
      }
      opened = true;
    };
    on("lines", ({ lines }: { lines: WireLine[] }) => {
      for (const line of lines) queue.current.push(line);
      frame ||= requestAnimationFrame(flush);
    });
    on("ready", ({ truncated, live }: { truncated: boolean; live: boolean }) => {
      setState((s) => ({ ...s, phase: live ? "live" : "done", truncated }));
      if (!live) source.close();
    });
    on("tail", ({ mode, at }: { mode: TailState["mode"]; at: number }) => setState((s) => ({ ...s, phase: "live", mode, at, error: null })));
    on("failure", (error: { message: string; requestId?: string }) => setState((s) => ({ ...s, error, phase: s.phase === "loading" ? "failed" : s.phase })));
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) return setState((s) => (s.phase === "done" ? s : { ...s, phase: "reconnecting" }));
      // Refused outright (bad input, unknown task): EventSource hides the reason, so ask once more.
      fetch(url, { headers: { Accept: "text/plain" } })
        .then(async (res) => (res.ok ? (await res.body?.cancel(), "The log stream closed.") : await res.text()))
        .catch(() => "The server could not be reached.")
        .then((message) => setState((s) => ({ ...s, phase: "failed", error: { message } })));
    };
    return () => {
      source.close();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [url]);

  const pause = useCallback(() => {
    pausedRef.current = true;
    setPaused(true);
  }, []);
  const resume = useCallback(() => {
    pausedRef.current = false;
    setPaused(false);
    const lines: WireLine[] = [];
    for (let i = 0; i < held.current.length; i++) lines.push(held.current.get(i)!);
    held.current.clear();
    buffer.current.push(lines);
    setVersion((v) => v + 1);
  }, []);

  return { buffer: buffer.current, version, state, paused, heldCount: held.current.length, pause, resume };
}
