import { describe, expect, it } from "vitest";
import { partialFailure } from "./partial-failures";

describe("partialFailure", () => {
  it("passes an answer with no failed entries", () => {
    expect(partialFailure({ FailedEntryCount: 0, FailedEntries: [] })).toBeNull();
    expect(partialFailure({ RuleArn: "arn:aws:events:us-east-1:123456789012:rule/x" })).toBeNull();
    expect(partialFailure({ FailedEntryCount: 0, Entries: [{ EventId: "1" }] })).toBeNull();
  });

  it("names the first refused target of PutTargets with AWS's code and message", () => {
    const out = partialFailure({
      FailedEntryCount: 2,
      FailedEntries: [
        { TargetId: "run-task", ErrorCode: "ConcurrentModificationException", ErrorMessage: "Rule is being modified" },
        { TargetId: "other", ErrorCode: "InternalException", ErrorMessage: "x" },
      ],
    });
    expect(out).toEqual({ code: "ConcurrentModificationException", message: "AWS refused target run-task: Rule is being modified (and 1 more)." });
  });

  it("reads PutEvents' entries and a count without entries", () => {
    expect(partialFailure({ FailedEntryCount: 1, Entries: [{ EventId: "a" }, { ErrorCode: "MalformedDetail", ErrorMessage: "Detail is malformed." }] })?.code).toBe("MalformedDetail");
    expect(partialFailure({ FailedEntryCount: 3 })).toEqual({ code: "FailedEntries", message: "AWS refused 3 of the entries." });
  });
});
