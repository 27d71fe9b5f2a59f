"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type Props<T> = {
  items: readonly T[];
  getKey: (item: T) => string;
  render: (item: T) => ReactNode;
  /** A typical row's height in px; rows that wrap are measured. */
  estimate: number;
  /** Height of the scroll area; the list never grows the page past it. */
  maxHeight?: number;
  "aria-label": string;
  className?: string;
};

/**
 * A long list that renders only the rows in view (events, tasks). Rows are measured, so wrapped
 * messages keep their height; the first screenful also renders on the server.
 */
export function VirtualRows<T>({ items, getKey, render, estimate, maxHeight = 420, className, ...props }: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimate,
    getItemKey: (i) => getKey(items[i]!),
    overscan: 8,
    initialRect: { width: 960, height: maxHeight },
  });
  const height = Math.min(maxHeight, virtualizer.getTotalSize());
  return (
    <div ref={scrollRef} role="list" aria-label={props["aria-label"]} className={cn("overflow-auto", className)} style={{ maxHeight, height: height || undefined }}>
      <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            role="listitem"
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="absolute top-0 left-0 w-full"
            style={{ transform: `translateY(${row.start}px)` }}
          >
            {render(items[row.index]!)}
          </div>
        ))}
      </div>
    </div>
  );
}
