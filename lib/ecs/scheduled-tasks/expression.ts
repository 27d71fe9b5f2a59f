/**
 * EventBridge Scheduler expressions: `rate(5 minutes)` and AWS's six-field
 * `cron(minutes hours day-of-month month day-of-week year)`. Written here rather
 * than with a Unix cron library because AWS's dialect differs (a year field, `?`,
 * `L`, `W`, `#`, one of day-of-month / day-of-week must be `?`).
 */
export type Schedule =
  | { kind: "rate"; value: number; unit: "minute" | "hour" | "day"; minutes: number }
  | { kind: "cron"; fields: CronFields };

type DayOfMonth = { any: true } | { any: false; days: Set<number>; last: boolean; lastOffset: number | null; weekday: number | null };
type DayOfWeek = { any: true } | { any: false; days: Set<number>; last: number | null; nth: { day: number; n: number } | null };
export type CronFields = { minutes: Set<number>; hours: Set<number>; dom: DayOfMonth; months: Set<number>; dow: DayOfWeek; years: Set<number> | null };

export class ScheduleError extends Error {}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
// AWS numbers days of the week 1–7 starting on Sunday.
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

function parseRate(body: string): Schedule {
  const m = /^(\d+)\s+(minute|minutes|hour|hours|day|days)$/.exec(body.trim());
  if (!m) throw new ScheduleError("A rate is rate(value unit), e.g. rate(5 minutes); the unit is minute(s), hour(s) or day(s).");
  const value = Number(m[1]);
  const word = m[2]!;
  if (value < 1) throw new ScheduleError("The rate value must be a positive whole number.");
  const singular = !word.endsWith("s");
  if (value === 1 && !singular) throw new ScheduleError(`For a value of 1 use the singular unit: rate(1 ${word.slice(0, -1)}).`);
  if (value > 1 && singular) throw new ScheduleError(`For a value above 1 use the plural unit: rate(${value} ${word}s).`);
  const unit = (singular ? word : word.slice(0, -1)) as "minute" | "hour" | "day";
  const minutes = value * { minute: 1, hour: 60, day: 1440 }[unit];
  return { kind: "rate", value, unit, minutes };
}

function token(raw: string, names: string[] | null, offset: number, min: number, max: number, field: string): number {
  const upper = raw.toUpperCase();
  const named = names?.indexOf(upper) ?? -1;
  const n = named >= 0 ? named + offset : /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new ScheduleError(`${field}: "${raw}" is not a value from ${min} to ${max}${names ? ` or ${names[0]}–${names[names.length - 1]}` : ""}.`);
  return n;
}

/** `*`, `a`, `a-b`, `a/step`, `a-b/step`, `* /step` and comma lists of them. */
function parseList(expr: string, min: number, max: number, field: string, names: string[] | null = null, offset = 0): Set<number> {
  const out = new Set<number>();
  for (const part of expr.split(",")) {
    const [range, stepRaw, extra] = part.split("/");
    if (extra !== undefined || range === undefined || range === "") throw new ScheduleError(`${field}: "${part}" is not valid.`);
    const step = stepRaw === undefined ? 1 : token(stepRaw, null, 0, 1, max, field);
    let lo: number;
    let hi: number;
    if (range === "*") [lo, hi] = [min, max];
    else if (range.includes("-")) {
      const [a, b] = range.split("-");
      lo = token(a ?? "", names, offset, min, max, field);
      hi = token(b ?? "", names, offset, min, max, field);
      if (lo > hi) throw new ScheduleError(`${field}: the range ${range} runs backwards.`);
    } else {
      lo = token(range, names, offset, min, max, field);
      hi = stepRaw === undefined ? lo : max;
    }
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

function parseDom(expr: string): DayOfMonth {
  if (expr === "?") return { any: true };
  if (expr === "L") return { any: false, days: new Set(), last: true, lastOffset: null, weekday: null };
  const lastOff = /^L-(\d+)$/.exec(expr);
  if (lastOff) return { any: false, days: new Set(), last: false, lastOffset: token(lastOff[1]!, null, 0, 1, 30, "Day-of-month"), weekday: null };
  const w = /^(\d+)W$/.exec(expr);
  if (w) return { any: false, days: new Set(), last: false, lastOffset: null, weekday: token(w[1]!, null, 0, 1, 31, "Day-of-month") };
  return { any: false, days: parseList(expr, 1, 31, "Day-of-month"), last: false, lastOffset: null, weekday: null };
}

function parseDow(expr: string): DayOfWeek {
  if (expr === "?") return { any: true };
  const last = /^(\w+)L$/.exec(expr);
  if (last && expr !== "L") return { any: false, days: new Set(), last: token(last[1]!, DAYS, 1, 1, 7, "Day-of-week"), nth: null };
  const nth = /^(\w+)#([1-5])$/.exec(expr);
  if (nth) return { any: false, days: new Set(), last: null, nth: { day: token(nth[1]!, DAYS, 1, 1, 7, "Day-of-week"), n: Number(nth[2]) } };
  if (expr === "L") return { any: false, days: new Set([7]), last: null, nth: null };
  return { any: false, days: parseList(expr, 1, 7, "Day-of-week", DAYS, 1), last: null, nth: null };
}

function parseCron(body: string): Schedule {
  const parts = body.trim().split(/\s+/);
  if (parts.length !== 6) {
    throw new ScheduleError(`A cron expression has 6 fields (minutes hours day-of-month month day-of-week year), e.g. cron(0 9 ? * MON-FRI *); this one has ${parts.length}.`);
  }
  const [min, hour, dom, month, dow, year] = parts as [string, string, string, string, string, string];
  if ((dom === "?") === (dow === "?")) {
    throw new ScheduleError("Use ? in exactly one of day-of-month and day-of-week, e.g. cron(0 9 ? * MON-FRI *) or cron(0 9 1 * ? *).");
  }
  return {
    kind: "cron",
    fields: {
      minutes: parseList(min, 0, 59, "Minutes"),
      hours: parseList(hour, 0, 23, "Hours"),
      dom: parseDom(dom),
      months: parseList(month, 1, 12, "Month", MONTHS, 1),
      dow: parseDow(dow),
      years: year === "*" ? null : parseList(year, 1970, 2199, "Year"),
    },
  };
}

/** Parses an expression or throws a ScheduleError whose message says what to fix. */
export function parseSchedule(expression: string): Schedule {
  if (expression.length > 256) throw new ScheduleError("A schedule expression has at most 256 characters.");
  const m = /^(rate|cron)\((.*)\)$/.exec(expression.trim());
  if (!m) throw new ScheduleError("Enter rate(value unit), e.g. rate(5 minutes), or cron(minutes hours day-of-month month day-of-week year), e.g. cron(0 9 ? * MON-FRI *).");
  return m[1] === "rate" ? parseRate(m[2]!) : parseCron(m[2]!);
}

/** The problem with an expression, or null when AWS would accept it. */
export function scheduleProblem(expression: string): string | null {
  try {
    parseSchedule(expression);
    return null;
  } catch (error) {
    if (error instanceof ScheduleError) return error.message;
    throw error;
  }
}
