"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { WireLine } from "@/lib/ecs/logs/events";
import { highlightSegments } from "@/lib/ecs/logs/filter";
import type { LineBuffer } from "@/lib/ecs/logs/line-buffer";
import { streamLabel } from "@/lib/ecs/logs/sources";

type Props = {
  buffer: LineBuffer<WireLine>;
  /** Ticks when the buffer changed (the buffer itself is not React state). */
  version: number;
  wrap: boolean;
  highlight: string;
  showStream: boolean;
  /** While paused the view does not follow new lines. */
  paused: boolean;
  onResume: () => void;
  empty: React.ReactNode;
};

const ROW_PX = 20;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
// UTC, as CloudWatch stores it; the full date is in the row's title.
const clock = (ts: number) => {
  const d = new Date(ts);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
};

/**
 * The lines, virtualized: only the rows in view exist in the DOM, whatever the buffer holds. It
 * follows new lines while scrolled to the bottom; scrolling up stops following until "Jump to latest".
 */
export function LogLines({ buffer, version, wrap, highlight, showStream, paused, onResume, empty }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const [atBottom, setAtBottom] = useState(true);
  const count = buffer.length;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    getItemKey: (i) => buffer.get(i)?.[0] ?? i,
    overscan: 20,
  });
  // Wrapped rows have their own heights; unwrapped ones are all one line.
  useEffect(() => virtualizer.measure(), [wrap, virtualizer]);

  const lastTop = useRef(0);
  // Only the person scrolling up stops following: rows re-measured after wrapping also move the
  // scroll position, and must not.
  const onScroll = useCallback(() => {
    const el = scrollRef.current!;
    if (el.scrollHeight - el.scrollTop - el.clientHeight < 48) following.current = true;
    else if (el.scrollTop < lastTop.current - 4) following.current = false;
    lastTop.current = el.scrollTop;
    setAtBottom(following.current);
  }, []);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !following.current || paused || count === 0) return;
    el.scrollTop = el.scrollHeight;
    // Again once the new rows are measured (wrapped rows are taller than estimated).
    const frame = requestAnimationFrame(() => following.current && (el.scrollTop = el.scrollHeight));
    return () => cancelAnimationFrame(frame);
  }, [version, count, paused, wrap]);

  const jump = () => {
    if (paused) onResume();
    following.current = true;
    setAtBottom(true);
    virtualizer.scrollToIndex(count - 1, { align: "end" });
    requestAnimationFrame(() => scrollRef.current && (scrollRef.current.scrollTop = scrollRef.current.scrollHeight));
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scrollRef}
        onScroll={onScroll}
        data-testid="log-lines"
        aria-label="Log lines"
        role="region"
        tabIndex={0}
        className="h-full overflow-auto rounded-lg border border-line bg-slate-950 font-mono text-[12px] leading-5 text-slate-200"
      >
        {count === 0 ? (
          <div className="flex h-full items-center justify-center p-6 font-sans text-sm text-slate-300">{empty}</div>
        ) : (
          <div className="relative min-w-full" style={{ height: virtualizer.getTotalSize(), width: wrap ? undefined : "max-content" }}>
            {items.map((item) => (
              <Row
                key={item.key}
                index={item.index}
                start={item.start}
                line={buffer.get(item.index)!}
                wrap={wrap}
                highlight={highlight}
                showStream={showStream}
                measure={virtualizer.measureElement}
              />
            ))}
          </div>
        )}
      </div>
      {count > 0 && (!atBottom || paused) && (
        <button
          type="button"
          onClick={jump}
          className="absolute right-5 bottom-4 rounded-full bg-accent-600 px-3 py-1.5 text-xs font-medium text-white shadow-md hover:bg-accent-700"
        >
          Jump to latest ↓
        </button>
      )}
    </div>
  );
}

type RowProps = {
  index: number;
  start: number;
  line: WireLine;
  wrap: boolean;
  highlight: string;
  showStream: boolean;
  measure: (el: Element | null) => void;
};

const Row = memo(function Row({ index, start, line, wrap, highlight, showStream, measure }: RowProps) {
  const [, ts, stream, message] = line;
  return (
    <div
      ref={measure}
      data-index={index}
      className={cn("absolute left-0 flex w-full gap-3 px-3 hover:bg-white/5", wrap ? "whitespace-pre-wrap break-all" : "whitespace-pre")}
      style={{ transform: `translateY(${start}px)` }}
    >
      <time dateTime={new Date(ts).toISOString()} title={new Date(ts).toISOString()} className="shrink-0 text-slate-500 select-none">
        {clock(ts)}
      </time>
      {showStream && (
        <span title={stream} className="w-20 shrink-0 truncate text-sky-300/80 select-none">
          {streamLabel(stream).slice(0, 8)}
        </span>
      )}
      <span className={cn("min-w-0", wrap && "flex-1")}>
        {highlight
          ? highlightSegments(message, highlight).map((s, i) => (s.hit ? <mark key={i} className="rounded-sm bg-amber-300 text-slate-950">{s.text}</mark> : s.text))
          : message}
      </span>
    </div>
  );
});
