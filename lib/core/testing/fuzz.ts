import fc from "fast-check";

/**
 * Shared by the parsers' fuzz tests (each beside its parser): every parser of what a person or a
 * request sends, fed random and hostile text, ends quickly with a value or its own typed error,
 * never another exception.
 */

/** A fixed "now" for parsers that read the clock. */
export const NOW = Date.UTC(2026, 11, 6, 12);

/** Text an attacker would try: long runs, deep nesting, separators, quotes, escapes, unicode. */
export const hostile = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 100 }),
  fc.constantFrom("{", "}", '"', "'", "\\", "%", "%E0%A4%A", "/", "@", ":", "=", "\n", "#", ",", "-", "*", "?", "L", "W", "__proto__").chain((c) =>
    fc.nat({ max: 5_000 }).map((n) => c.repeat(n)),
  ),
  fc.array(fc.constantFrom("cron(", "rate(", "0", "59", "1-7", "*/5", "?", "MON#2", "L-3", "15W", ",", " ", ")"), { maxLength: 40 }).map((a) => a.join("")),
);

/**
 * Runs one parse and fails if it is slow. Slow input takes seconds (a quadratic scan, a sparse
 * array); one garbage-collection pause on a busy machine does not, so a slow call is timed once
 * more before it counts.
 */
export function quick<T>(run: () => T): T {
  for (let attempt = 0; ; attempt++) {
    const started = performance.now();
    const out = run();
    if (performance.now() - started < 50) return out;
    if (attempt === 1) throw new Error(`took ${Math.round(performance.now() - started)} ms twice`);
  }
}
