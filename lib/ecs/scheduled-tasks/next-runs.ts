import { parseSchedule, type CronFields } from "./expression";

/** Is this an IANA time zone the runtime knows (what ScheduleExpressionTimezone takes)? */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
  }).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - Math.floor(instant / 1000) * 1000;
}

/** A wall-clock time in `zone` as a UTC instant (the later offset wins across a DST change). */
function zonedToUtc(y: number, mo: number, d: number, h: number, mi: number, zone: string): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const first = wall - offsetAt(wall, zone);
  return wall - offsetAt(first, zone);
}

function daysIn(y: number, mo: number) {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function dayMatches(f: CronFields, y: number, mo: number, d: number): boolean {
  const weekday = new Date(Date.UTC(y, mo - 1, d)).getUTCDay() + 1; // 1 = Sunday, as AWS counts
  const last = daysIn(y, mo);
  const { dom, dow } = f;
  if (!dom.any) {
    if (dom.last) return d === last;
    if (dom.lastOffset !== null) return d === last - dom.lastOffset;
    if (dom.weekday !== null) {
      // Nearest weekday to the given day, staying inside the month.
      const target = Math.min(dom.weekday, last);
      const wd = new Date(Date.UTC(y, mo - 1, target)).getUTCDay();
      let nearest = target;
      if (wd === 6) nearest = target === 1 ? 3 : target - 1;
      if (wd === 0) nearest = target === last ? target - 2 : target + 1;
      return d === nearest;
    }
    return dom.days.has(d);
  }
  if (!dow.any) {
    if (dow.last !== null) return weekday === dow.last && d + 7 > last;
    if (dow.nth) return weekday === dow.nth.day && Math.ceil(d / 7) === dow.nth.n;
    return dow.days.has(weekday);
  }
  return true;
}

/**
 * The next `count` times a schedule runs after `from`, as UTC instants. A rate
 * schedule runs first when it is created, then every interval; a cron schedule
 * is read in `zone` (ScheduleExpressionTimezone, UTC by default).
 */
export function nextRuns(expression: string, from: Date, count = 5, zone = "UTC"): Date[] {
  const schedule = parseSchedule(expression);
  if (schedule.kind === "rate") {
    const start = Math.ceil(from.getTime() / 60_000) * 60_000;
    return Array.from({ length: count }, (_, i) => new Date(start + i * schedule.minutes * 60_000));
  }
  const f = schedule.fields;
  const out: Date[] = [];
  const startWall = new Date(from.getTime() + offsetAt(from.getTime(), zone));
  const cursor = new Date(Date.UTC(startWall.getUTCFullYear(), startWall.getUTCMonth(), startWall.getUTCDate()));
  const minutes = [...f.minutes].sort((a, b) => a - b);
  const hours = [...f.hours].sort((a, b) => a - b);
  // Day by day for up to ten years: enough for any expression that ever fires again.
  for (let i = 0; i < 3700 && out.length < count; i++, cursor.setUTCDate(cursor.getUTCDate() + 1)) {
    const y = cursor.getUTCFullYear();
    const mo = cursor.getUTCMonth() + 1;
    const d = cursor.getUTCDate();
    if (f.years && !f.years.has(y)) continue;
    if (!f.months.has(mo) || !dayMatches(f, y, mo, d)) continue;
    for (const h of hours) {
      for (const mi of minutes) {
        const at = zonedToUtc(y, mo, d, h, mi, zone);
        if (at > from.getTime() && out.length < count) out.push(new Date(at));
      }
    }
  }
  return out;
}
