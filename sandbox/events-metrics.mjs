// AWS/Events metrics for the sandbox's deliveries: EventBridge publishes, per rule (dimension
// RuleName), TriggeredRules (the rule matched an event), Invocations (a target was invoked) and
// FailedInvocations (an invocation failed for good). moto publishes none; sandbox/events.mjs calls
// publishRuleMetrics after each matched rule, which writes them to moto's CloudWatch so
// GetMetricData answers for them as on AWS.
import { callMoto } from "./apprunner.mjs";

/** The MetricData of one rule's match and its targets' outcomes. */
export function ruleMetricData(ruleName, outcomes, now = new Date()) {
  const at = now.getTime() / 1000;
  const dims = [{ Name: "RuleName", Value: ruleName }];
  const failed = outcomes.filter((o) => !o.ok).length;
  const data = [
    { MetricName: "TriggeredRules", Dimensions: dims, Value: 1, Unit: "Count", Timestamp: at },
    { MetricName: "Invocations", Dimensions: dims, Value: outcomes.length, Unit: "Count", Timestamp: at },
  ];
  if (failed) data.push({ MetricName: "FailedInvocations", Dimensions: dims, Value: failed, Unit: "Count", Timestamp: at });
  return data;
}

/** Write one rule's metrics to moto's CloudWatch (straight to moto: no caller of the gateway sees it). */
export async function publishRuleMetrics(upstream, region, ruleName, outcomes, now = new Date()) {
  await callMoto(upstream, {
    service: "monitoring",
    target: "GraniteServiceVersion20100801.PutMetricData",
    region,
    version: "1.0",
    body: { Namespace: "AWS/Events", MetricData: ruleMetricData(ruleName, outcomes, now) },
  });
}
