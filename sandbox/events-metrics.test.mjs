import { expect, it } from "vitest";
import { ruleMetricData } from "./events-metrics.mjs";

it("a matched rule counts one trigger, its invocations and its failures", () => {
  const data = ruleMetricData("nightly", [{ ok: true }, { ok: false }], new Date(1_000_000));
  expect(data.map((d) => [d.MetricName, d.Value])).toEqual([["TriggeredRules", 1], ["Invocations", 2], ["FailedInvocations", 1]]);
  expect(data[0].Dimensions).toEqual([{ Name: "RuleName", Value: "nightly" }]);
  expect(data[0].Timestamp).toBe(1000);
  expect(ruleMetricData("ok", [{ ok: true }]).some((d) => d.MetricName === "FailedInvocations")).toBe(false);
});
