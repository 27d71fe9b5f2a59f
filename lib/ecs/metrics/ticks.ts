import type { MetricRange } from "./range";

// Round steps a person reads at a glance: every 10 min for an hour, hourly for 6 h, every 4 h for a day, daily for a week.
const STEP_MINUTES: Record<MetricRange, number> = { "1h": 10, "6h": 60, "24h": 240, "7d": 1440 };

/**
 * Time-axis ticks at round local times inside [start, end): multiples of the step counted from local
 * midnight, so a week's ticks fall on midnights and a day's on 00:00, 04:00, … in the viewer's zone.
 */
export function timeTicks(range: MetricRange, start: number, end: number): number[] {
  const step = STEP_MINUTES[range] * 60_000;
  const midnight = new Date(start);
  midnight.setHours(0, 0, 0, 0);
  const ticks: number[] = [];
  // Walk from local midnight; stepping by whole days through setDate keeps midnights right across DST changes.
  for (let day = new Date(midnight); day.getTime() < end; day.setDate(day.getDate() + 1)) {
    const dayStart = day.getTime();
    const next = new Date(day);
    next.setDate(next.getDate() + 1);
    for (let t = dayStart; t < next.getTime() && t < end; t += step) if (t >= start) ticks.push(t);
  }
  return ticks;
}
