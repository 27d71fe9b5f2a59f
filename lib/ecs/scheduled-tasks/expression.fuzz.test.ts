import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { ScheduleError, parseSchedule } from "./expression";

describe("schedule expressions under fuzz", () => {
  it("parse quickly or fail with a ScheduleError", () => {
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
});
