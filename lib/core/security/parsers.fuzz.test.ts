import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filterPatternError } from "@/lib/ecs/logs/filter";
import { parseLogView } from "@/lib/ecs/logs/params";
import { resolveRange } from "@/lib/ecs/logs/time-range";
import { parseRange } from "@/lib/ecs/metrics/range";
import { ScheduleError, parseSchedule } from "@/lib/ecs/scheduled-tasks/expression";
import { parseEnvFile } from "@/lib/ecs/task-definitions/env-file";
import { parseImageUri } from "@/lib/ecs/task-definitions/image-uri";
import { decodeSegment } from "./segments";

/**
 * Every parser of what a person or a request sends, fed random and hostile text: each ends
 * quickly with a value or its own typed error, never another exception. The form parser and
 * the redirect check have their own fuzz tests beside them.
 */
const NOW = Date.UTC(2026, 11, 6, 12);

/** Text an attacker would try: long runs, deep nesting, separators, quotes, escapes, unicode. */
const hostile = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 100 }),
  fc.constantFrom("{", "}", '"', "'", "\\", "%", "%E0%A4%A", "/", "@", ":", "=", "\n", "#", ",", "-", "*", "?", "L", "W", "__proto__").chain((c) =>
    fc.nat({ max: 5_000 }).map((n) => c.repeat(n)),
  ),
  fc.array(fc.constantFrom("cron(", "rate(", "0", "59", "1-7", "*/5", "?", "MON#2", "L-3", "15W", ",", " ", ")"), { maxLength: 40 }).map((a) => a.join("")),
);

// Slow input takes seconds (a quadratic scan, a sparse array); one garbage-collection pause on
// a busy machine does not, so a slow call is timed once more before it counts.
function quick<T>(run: () => T): T {
  for (let attempt = 0; ; attempt++) {
    const started = performance.now();
    const out = run();
    if (performance.now() - started < 50) return out;
    if (attempt === 1) throw new Error(`took ${Math.round(performance.now() - started)} ms twice`);
  }
}

describe("parsers under fuzz", () => {
  it("schedule expressions", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        quick(() => {
          try {
            parseSchedule(text);
          } catch (error) {
            expect(error).toBeInstanceOf(ScheduleError);
          }
        });
      }),
      { numRuns: 1_500 },
    );
  });

  it("env files, including unclosed quotes over many lines", () => {
    expect(quick(() => parseEnvFile(`A="${"x\n".repeat(100_000)}`)).errors).toHaveLength(1);
    fc.assert(
      fc.property(hostile, (text) => {
        const out = quick(() => parseEnvFile(text));
        expect(Array.isArray(out.vars) && Array.isArray(out.errors)).toBe(true);
      }),
      { numRuns: 1_500 },
    );
  });

  it("image URIs, CloudWatch filter patterns, URL segments and metric ranges", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        quick(() => parseImageUri(text));
        const problem = quick(() => filterPatternError(text));
        expect(problem === null || typeof problem === "string").toBe(true);
        quick(() => decodeSegment(text));
        expect(["1h", "6h", "24h", "7d"]).toContain(parseRange(text));
      }),
      { numRuns: 1_500 },
    );
  });

  it("log view query strings", () => {
    const key = fc.constantFrom("cluster", "service", "task", "container", "range", "start", "end", "pattern", "x");
    fc.assert(
      fc.property(fc.array(fc.tuple(key, hostile), { maxLength: 12 }), (pairs) => {
        const out = quick(() => parseLogView(new URLSearchParams(pairs), NOW));
        expect(typeof out.ok).toBe("boolean");
        quick(() => resolveRange(Object.fromEntries(pairs), NOW));
      }),
      { numRuns: 1_000 },
    );
  });
});
