"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef, type ReactNode } from "react";
import { TBody, THead } from "@/components/ui/table";

type Props<T> = {
  rows: readonly T[];
  getKey: (row: T) => string;
  /** One `<Tr>`; gets `data-index` and a measuring ref through `rowProps`. */
  renderRow: (row: T, rowProps: { "data-index": number; ref?: (el: HTMLTableRowElement | null) => void }) => ReactNode;
  head: ReactNode;
  columns: number;
  /** A typical row's height in px; rows are measured once shown. */
  estimate: number;
  /** Up to this many rows render plainly (find-in-page works); more are virtualized. */
  threshold?: number;
  maxHeight?: string;
  "aria-label": string;
};

/**
 * A table that renders every row when short and only the rows in view when long (hundreds of
 * services), keeping real `<table>` semantics: spacer rows stand in for what is scrolled away. The
 * header stays in view inside the scroll area; the first screenful also renders on the server.
 */
export function VirtualTable<T>({ rows, getKey, renderRow, head, columns, estimate, threshold = 50, maxHeight = "70vh", ...props }: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = rows.length > threshold;
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimate,
    getItemKey: (i) => getKey(rows[i]!),
    overscan: 10,
    initialRect: { width: 1200, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtual ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  return (
    <div ref={scrollRef} className="overflow-auto rounded-lg border border-line bg-surface" style={virtual ? { maxHeight } : undefined}>
      <table aria-label={props["aria-label"]} aria-rowcount={rows.length + 1} className="w-full border-separate border-spacing-0 text-sm tabular-nums">
        <THead>{head}</THead>
        <TBody>
          {virtual ? (
            <>
              {top > 0 && <tr aria-hidden="true"><td colSpan={columns} style={{ height: top }} /></tr>}
              {items.map((item) => renderRow(rows[item.index]!, { "data-index": item.index, ref: virtualizer.measureElement }))}
              {bottom > 0 && <tr aria-hidden="true"><td colSpan={columns} style={{ height: bottom }} /></tr>}
            </>
          ) : (
            rows.map((row, i) => renderRow(row, { "data-index": i }))
          )}
        </TBody>
      </table>
    </div>
  );
}
