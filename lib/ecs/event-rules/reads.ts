import "server-only";
import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { ListRulesCommand, ListTargetsByRuleCommand } from "@aws-sdk/client-eventbridge";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { guarded } from "@/lib/core/aws/guarded";
import { live, liveKey } from "@/lib/core/live/shared";
import { describeTarget, ruleKind, type RuleKind, type RuleTarget } from "./classify";
import { METRIC_HOURS, ruleMetricQueries, ruleMetricTotals, type RuleMetrics } from "./metrics";

const TTL_MS = 5_000;
const METRICS_TTL_MS = 10_000;
const MAX_RULES = 2_000;
const PERIOD_SECONDS = 300;

export type EventRuleRow = {
  name: string;
  arn: string;
  kind: RuleKind;
  state: string;
  description: string;
  /** The event pattern (JSON) or the schedule expression. */
  pattern: string;
  schedule: string;
  managedBy: string;
  targets: RuleTarget[];
};

async function loadRules(conn: ConnectionSettings, region: string): Promise<EventRuleRow[]> {
  const client = awsClient(conn, region, "events");
  const rules = await guarded(conn, "events", "ListRules", async () => {
    const out: { Name?: string; Arn?: string; State?: string; Description?: string; EventPattern?: string; ScheduleExpression?: string; ManagedBy?: string }[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new ListRulesCommand({ EventBusName: "default", Limit: 100, NextToken }));
      out.push(...(page.Rules ?? []));
      NextToken = page.NextToken;
    } while (NextToken && out.length < MAX_RULES);
    return out;
  });
  const rows = await Promise.all(
    rules.map(async (r): Promise<EventRuleRow | null> => {
      const found = await guarded(conn, "events", "ListTargetsByRule", () => client.send(new ListTargetsByRuleCommand({ Rule: r.Name, EventBusName: "default", Limit: 100 })));
      const targets = (found.Targets ?? []).map(describeTarget);
      const kind = ruleKind(r.EventPattern ?? "", targets);
      if (!kind) return null;
      return {
        name: r.Name ?? "",
        arn: r.Arn ?? "",
        kind,
        state: r.State ?? "ENABLED",
        description: r.Description ?? "",
        pattern: r.EventPattern ?? "",
        schedule: r.ScheduleExpression ?? "",
        managedBy: r.ManagedBy ?? "",
        targets,
      };
    }),
  );
  return rows.filter((r): r is EventRuleRow => r !== null).sort((a, b) => a.name.localeCompare(b.name));
}

/** The default bus's rules that run ECS tasks or are Portside's task / deployment alerts, with their targets. */
export function listEventRules(conn: ConnectionSettings, region: string): Promise<EventRuleRow[]> {
  return live.cache.get(liveKey(conn, region, "events", "event-rules-page"), TTL_MS, () => loadRules(conn, region));
}

/** One rule of the Events page, or null if it is gone (or not one the page manages). */
export async function getEventRule(conn: ConnectionSettings, region: string, name: string): Promise<EventRuleRow | null> {
  return (await listEventRules(conn, region)).find((r) => r.name === name) ?? null;
}

async function loadMetrics(conn: ConnectionSettings, region: string, names: string[], now: number): Promise<Record<string, RuleMetrics>> {
  if (!names.length) return {};
  const client = awsClient(conn, region, "cloudwatch");
  const queries = ruleMetricQueries(names, PERIOD_SECONDS);
  const results = await guarded(conn, "cloudwatch", "GetMetricData", async () => {
    const all = [];
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const out = await client.send(new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: new Date(now - METRIC_HOURS * 3_600_000), EndTime: new Date(now), NextToken }));
      all.push(...(out.MetricDataResults ?? []));
      NextToken = out.NextToken;
      pages += 1;
    } while (NextToken && pages < 10);
    return all;
  });
  return Object.fromEntries(ruleMetricTotals(names, results));
}

/** Triggered rules, invocations and failed invocations of each rule over the last hours (AWS/Events, Sum). */
export function getRuleMetrics(conn: ConnectionSettings, region: string, names: string[]): Promise<Record<string, RuleMetrics>> {
  const sorted = [...names].sort();
  return live.cache.get(liveKey(conn, region, "cloudwatch", "event-rule-metrics", sorted.join(",")), METRICS_TTL_MS, () => loadMetrics(conn, region, sorted, Date.now()));
}
