import { Link } from "@/components/ui/link";
import { cn } from "@/components/ui/cn";
import { METRIC_RANGES, RANGE_LABELS, type MetricRange } from "@/lib/ecs/metrics/range";

/** 1h / 6h / 24h / 7d as links (`?range=`), so a chart's range is part of the URL someone shares. */
export function RangePicker({ base, current }: { base: string; current: MetricRange }) {
  return (
    <nav aria-label="Time range">
      <ul className="inline-flex overflow-hidden rounded-md border border-line bg-surface shadow-xs">
        {METRIC_RANGES.map((range) => (
          <li key={range} className="border-l border-line first:border-l-0">
            <Link
              href={`${base}?range=${range}`}
              scroll={false}
              aria-current={range === current ? "page" : undefined}
              aria-label={`Last ${RANGE_LABELS[range]}`}
              className={cn(
                "inline-block px-3 py-1 text-xs font-medium",
                range === current ? "bg-accent-600 text-white" : "text-ink-muted hover:bg-canvas hover:text-ink",
              )}
            >
              {range}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
