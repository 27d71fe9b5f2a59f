import { pointsIn, type MetricWindow } from "./range";

/** One period of a metric: CloudWatch's Average and Maximum; null where no data point exists (a gap). */
export type UtilizationPoint = { t: number; average: number | null; maximum: number | null };

export type UtilizationSeries = {
  /** Every period of the window, oldest first, so gaps show as breaks in the line. */
  points: UtilizationPoint[];
  /** The newest period with data, or null when the window holds none. */
  latest: UtilizationPoint | null;
  /** The highest Maximum in the window. */
  peak: number | null;
};

export type ServiceUtilization = MetricWindow & {
  /** When CloudWatch was read (ms since epoch): a newer read replaces an older one, never the reverse. */
  readAt: number;
  cpu: UtilizationSeries;
  memory: UtilizationSeries;
};

/** What GetMetricData returned for one query id, pages already joined; times in ms since epoch. */
export type RawMetricResult = { id: string; timestamps: number[]; values: number[] };

/** The query ids of the four series read in one GetMetricData call. */
export const QUERY_IDS = { cpuAverage: "cpu_avg", cpuMaximum: "cpu_max", memoryAverage: "mem_avg", memoryMaximum: "mem_max" } as const;

function byPeriod(window: MetricWindow, result: RawMetricResult | undefined): Map<number, number> {
  const step = window.period * 1000;
  const out = new Map<number, number>();
  if (!result) return out;
  result.timestamps.forEach((ts, i) => {
    const value = result.values[i];
    if (value === undefined || !Number.isFinite(value) || ts < window.start || ts >= window.end) return;
    // CloudWatch stamps a point with the start of its period; snapping guards against a stray offset.
    out.set(window.start + Math.floor((ts - window.start) / step) * step, value);
  });
  return out;
}

/** Average and Maximum of one metric laid on the window's grid of periods. */
export function toSeries(window: MetricWindow, average: RawMetricResult | undefined, maximum: RawMetricResult | undefined): UtilizationSeries {
  const avg = byPeriod(window, average);
  const max = byPeriod(window, maximum);
  const step = window.period * 1000;
  const points: UtilizationPoint[] = [];
  for (let i = 0; i < pointsIn(window); i++) {
    const t = window.start + i * step;
    points.push({ t, average: avg.get(t) ?? null, maximum: max.get(t) ?? null });
  }
  const withData = points.filter((p) => p.average !== null || p.maximum !== null);
  const maxima = withData.map((p) => p.maximum ?? p.average ?? 0);
  return { points, latest: withData.at(-1) ?? null, peak: maxima.length ? Math.max(...maxima) : null };
}

/** The four GetMetricData results as the CPU and memory series of a service. */
export function toServiceUtilization(window: MetricWindow, results: RawMetricResult[], readAt: number): ServiceUtilization {
  const get = (id: string) => results.find((r) => r.id === id);
  return {
    ...window,
    readAt,
    cpu: toSeries(window, get(QUERY_IDS.cpuAverage), get(QUERY_IDS.cpuMaximum)),
    memory: toSeries(window, get(QUERY_IDS.memoryAverage), get(QUERY_IDS.memoryMaximum)),
  };
}

export const hasData = (series: UtilizationSeries) => series.latest !== null;

/**
 * Top of the y axis: 100 %, or more when a task went above it (CPU can, on EC2 without a hard
 * limit), rounded up to the next 10.
 */
export function axisMax(series: UtilizationSeries): number {
  return Math.max(100, Math.ceil((series.peak ?? 0) / 10) * 10);
}

/** A percentage as the tab shows it: one decimal, "23.4%". */
export function formatPercent(value: number | null): string {
  return value === null ? "–" : `${(Math.round(value * 10) / 10).toFixed(1)}%`;
}
