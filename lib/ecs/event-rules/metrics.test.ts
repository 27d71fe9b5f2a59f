import { describe, expect, it } from "vitest";
import { MAX_RULES_WITH_METRICS, ruleMetricQueries, ruleMetricTotals } from "./metrics";

describe("rule metrics", () => {
  it("asks three Sum series per rule, within GetMetricData's 500 queries", () => {
    const q = ruleMetricQueries(["a", "b"], 10800);
    expect(q).toHaveLength(6);
    expect(q[0]).toMatchObject({ Id: "r0_TriggeredRules", MetricStat: { Metric: { Namespace: "AWS/Events", Dimensions: [{ Name: "RuleName", Value: "a" }] }, Stat: "Sum", Period: 10800 } });
    expect(ruleMetricQueries(Array.from({ length: 400 }, (_, i) => `r${i}`), 60)).toHaveLength(MAX_RULES_WITH_METRICS * 3);
  });

  it("adds up each series and reads missing ones as zero", () => {
    const totals = ruleMetricTotals(["a", "b"], [{ Id: "r0_Invocations", Values: [2, 3] }, { Id: "r1_FailedInvocations", Values: [1] }]);
    expect(totals.get("a")).toEqual({ TriggeredRules: 0, Invocations: 5, FailedInvocations: 0 });
    expect(totals.get("b")).toEqual({ TriggeredRules: 0, Invocations: 0, FailedInvocations: 1 });
  });
});
