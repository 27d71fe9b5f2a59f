import { test } from "node:test";
import assert from "node:assert/strict";
import { ruleMetricData } from "./events-metrics.mjs";

test("a matched rule counts one trigger, its invocations and its failures", () => {
  const data = ruleMetricData("nightly", [{ ok: true }, { ok: false }], new Date(1_000_000));
  assert.deepEqual(data.map((d) => [d.MetricName, d.Value]), [["TriggeredRules", 1], ["Invocations", 2], ["FailedInvocations", 1]]);
  assert.deepEqual(data[0].Dimensions, [{ Name: "RuleName", Value: "nightly" }]);
  assert.equal(data[0].Timestamp, 1000);
  assert.equal(ruleMetricData("ok", [{ ok: true }]).some((d) => d.MetricName === "FailedInvocations"), false);
});
