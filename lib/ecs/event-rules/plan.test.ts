import { describe, expect, it } from "vitest";
import { planPermissions } from "@/lib/core/plans/iam-actions";
import { buildDeleteRulePlan, buildSetRuleStatePlan } from "./plan";
import { setRuleStateSchema } from "./schema";

const base = { connectionId: "c", region: "us-east-1", ruleName: "uploads" };

describe("Events page plans", () => {
  it("disables with EnableRule as the inverse, and the other way round", () => {
    const off = buildSetRuleStatePlan({ ...base, state: "DISABLED" });
    expect(off.steps.map((s) => s.operation)).toEqual(["DisableRule"]);
    expect(off.steps[0]!.inverse?.operation).toBe("EnableRule");
    expect(off.steps[0]!.input).toEqual({ Name: "uploads", EventBusName: "default" });
    expect(planPermissions(buildSetRuleStatePlan({ ...base, state: "ENABLED" }))).toEqual(["events:EnableRule"]);
  });

  it("deletes the targets first, then the rule", () => {
    expect(buildDeleteRulePlan(base, ["a", "b"]).steps.map((s) => [s.operation, s.input.Ids ?? s.input.Name])).toEqual([["RemoveTargets", ["a", "b"]], ["DeleteRule", "uploads"]]);
    expect(buildDeleteRulePlan(base, []).steps.map((s) => s.operation)).toEqual(["DeleteRule"]);
  });

  it("refuses bad rule names and states", () => {
    expect(setRuleStateSchema.safeParse({ ...base, ruleName: "a b", state: "ENABLED" }).success).toBe(false);
    expect(setRuleStateSchema.safeParse({ ...base, state: "ON" }).success).toBe(false);
  });
});
