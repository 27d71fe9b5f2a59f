import { describe, expect, it } from "vitest";
import { scheduleProblem } from "./expression";
import { isTimeZone, nextRuns } from "./next-runs";

describe("scheduleProblem", () => {
  it.each(["rate(5 minutes)", "rate(1 hour)", "rate(2 days)", "cron(0 9 ? * MON-FRI *)", "cron(0/15 * * * ? *)", "cron(0 18 L * ? *)", "cron(0 10 ? * 6L 2027)", "cron(0 8 ? * 2#1 *)", "cron(30 12 15W JAN,JUL ? *)"])(
    "accepts %s",
    (expr) => expect(scheduleProblem(expr)).toBeNull(),
  );

  it.each([
    ["every 5 minutes", "Enter rate(value unit)"],
    ["rate(5 minute)", "plural unit: rate(5 minutes)"],
    ["rate(1 minutes)", "singular unit: rate(1 minute)"],
    ["rate(0 minutes)", "positive whole number"],
    ["rate(5 weeks)", "minute(s), hour(s) or day(s)"],
    ["cron(0 9 * * *)", "6 fields"],
    ["cron(0 9 * * MON-FRI *)", "Use ? in exactly one"],
    ["cron(0 9 ? * ? *)", "Use ? in exactly one"],
    ["cron(60 9 ? * MON *)", 'Minutes: "60" is not a value from 0 to 59'],
    ["cron(0 25 ? * MON *)", "Hours"],
    ["cron(0 9 ? * FUNDAY *)", "Day-of-week"],
    ["cron(0 9 ? FOO MON *)", "Month"],
    ["cron(0 9 ? * FRI-MON *)", "runs backwards"],
  ])("rejects %s", (expr, message) => expect(scheduleProblem(expr)).toContain(message));
});

describe("nextRuns", () => {
  const from = new Date("2026-11-20T10:17:00Z"); // a Friday

  it("steps a rate from now", () => {
    expect(nextRuns("rate(5 minutes)", from, 3).map((d) => d.toISOString())).toEqual([
      "2026-11-20T10:17:00.000Z", "2026-11-20T10:22:00.000Z", "2026-11-20T10:27:00.000Z",
    ]);
  });

  it("runs weekdays at 09:00 UTC, skipping the weekend", () => {
    expect(nextRuns("cron(0 9 ? * MON-FRI *)", from, 3).map((d) => d.toISOString())).toEqual([
      "2026-11-23T09:00:00.000Z", "2026-11-24T09:00:00.000Z", "2026-11-25T09:00:00.000Z",
    ]);
  });

  it("reads the expression in the schedule's time zone", () => {
    // 09:00 in New York is 14:00 UTC in November (EST, UTC-5).
    expect(nextRuns("cron(0 9 ? * MON-FRI *)", from, 1, "America/New_York")[0]?.toISOString()).toBe("2026-11-20T14:00:00.000Z");
  });

  it("handles every 15 minutes, the last day of the month and the nth weekday", () => {
    expect(nextRuns("cron(0/15 * * * ? *)", from, 2).map((d) => d.toISOString())).toEqual(["2026-11-20T10:30:00.000Z", "2026-11-20T10:45:00.000Z"]);
    expect(nextRuns("cron(0 18 L * ? *)", from, 2).map((d) => d.toISOString())).toEqual(["2026-11-30T18:00:00.000Z", "2026-12-31T18:00:00.000Z"]);
    // First Monday (2#1) of December 2026 is the 7th.
    expect(nextRuns("cron(0 8 ? * 2#1 *)", from, 1)[0]?.toISOString()).toBe("2026-12-07T08:00:00.000Z");
  });

  it("stops when a year list runs out", () => {
    expect(nextRuns("cron(0 0 1 1 ? 2027)", from, 5).map((d) => d.toISOString())).toEqual(["2027-01-01T00:00:00.000Z"]);
  });

  it("knows IANA time zones", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
