import type { MetricDataQuery, MetricDataResult } from "@aws-sdk/client-cloudwatch";

/** EventBridge's per-rule metrics (namespace AWS/Events, dimension RuleName) shown on the Events page. */
export const RULE_METRICS = ["TriggeredRules", "Invocations", "FailedInvocations"] as const;
export type RuleMetricName = (typeof RULE_METRICS)[number];
export type RuleMetrics = Record<RuleMetricName, number>;

/** GetMetricData takes 500 queries: three a rule. */
export const MAX_RULES_WITH_METRICS = 150;
export const METRIC_HOURS = 3;

const idOf = (index: number, metric: RuleMetricName) => `r${index}_${metric}`;

/** One Sum query per rule and metric over the window, as one period. */
export function ruleMetricQueries(ruleNames: string[], periodSeconds: number): MetricDataQuery[] {
  return ruleNames.slice(0, MAX_RULES_WITH_METRICS).flatMap((name, i) =>
    RULE_METRICS.map((metric) => ({
      Id: idOf(i, metric),
      MetricStat: { Metric: { Namespace: "AWS/Events", MetricName: metric, Dimensions: [{ Name: "RuleName", Value: name }] }, Period: periodSeconds, Stat: "Sum" },
      ReturnData: true,
    })),
  );
}

/** The totals per rule name (0 where CloudWatch has no data points). */
export function ruleMetricTotals(ruleNames: string[], results: MetricDataResult[]): Map<string, RuleMetrics> {
  const byId = new Map(results.map((r) => [r.Id ?? "", (r.Values ?? []).reduce((a, b) => a + b, 0)]));
  return new Map(
    ruleNames.slice(0, MAX_RULES_WITH_METRICS).map((name, i) => [name, Object.fromEntries(RULE_METRICS.map((m) => [m, byId.get(idOf(i, m)) ?? 0])) as RuleMetrics]),
  );
}
