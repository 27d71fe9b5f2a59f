/**
 * Time ranges of the metrics tab and the CloudWatch query window each one needs. Pure, so the
 * period choice and the alignment are unit-tested without AWS.
 */
export const METRIC_RANGES = ["1h", "6h", "24h", "7d"] as const;
export type MetricRange = (typeof METRIC_RANGES)[number];

export const DEFAULT_RANGE: MetricRange = "1h";

const RANGE_SECONDS: Record<MetricRange, number> = { "1h": 3600, "6h": 6 * 3600, "24h": 24 * 3600, "7d": 7 * 24 * 3600 };

// As the CloudWatch console picks them: one-minute points up to a few hours, five-minute points for a
// day, hourly points for a week. ECS publishes service metrics once a minute, so 60 s is the finest.
const RANGE_PERIOD: Record<MetricRange, number> = { "1h": 60, "6h": 60, "24h": 300, "7d": 3600 };

/** GetMetricData returns at most this many points per query and call page; a window never needs more. */
export const MAX_POINTS_PER_QUERY = 1440;

export const RANGE_LABELS: Record<MetricRange, string> = { "1h": "1 hour", "6h": "6 hours", "24h": "24 hours", "7d": "7 days" };

export function isMetricRange(value: unknown): value is MetricRange {
  return typeof value === "string" && (METRIC_RANGES as readonly string[]).includes(value);
}

/** The range from a URL query value; anything else (missing, "2h", an array) is the default. */
export function parseRange(value: string | string[] | undefined): MetricRange {
  return isMetricRange(value) ? value : DEFAULT_RANGE;
}

export type MetricWindow = {
  range: MetricRange;
  /** Seconds per data point. */
  period: number;
  /** Inclusive start and exclusive end, in ms since epoch, both on a period boundary. */
  start: number;
  end: number;
};

/**
 * The query window for a range at `now`: it ends at the next period boundary (so the minute in
 * progress is included) and starts one range earlier. Boundaries aligned to the period are what
 * CloudWatch answers fastest, and they make two reads within the same period ask the same thing.
 */
export function windowFor(range: MetricRange, now: number): MetricWindow {
  const period = RANGE_PERIOD[range];
  const step = period * 1000;
  const end = Math.floor(now / step) * step + step;
  return { range, period, start: end - RANGE_SECONDS[range] * 1000, end };
}

/** How many points a window holds: start, start + period, …, up to but not including end. */
export function pointsIn(window: Pick<MetricWindow, "start" | "end" | "period">): number {
  return Math.round((window.end - window.start) / (window.period * 1000));
}
