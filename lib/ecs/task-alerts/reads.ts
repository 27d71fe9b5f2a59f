import "server-only";
import { ListRulesCommand, ListTargetsByRuleCommand } from "@aws-sdk/client-eventbridge";
import { GetTopicAttributesCommand, ListSubscriptionsByTopicCommand, ListTopicsCommand } from "@aws-sdk/client-sns";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { mapAwsError } from "@/lib/core/aws/errors";
import { guarded } from "@/lib/core/aws/guarded";
import { live, liveKey } from "@/lib/core/live/shared";
import { alertKind, type AlertKind } from "./kind";

const TTL_MS = 5_000;

export type AlertSubscription = { endpoint: string; protocol: string; status: string };
export type TaskAlertSummary = { name: string; kind: AlertKind; state: string; pattern: string; topicArn: string; subscriptions: AlertSubscription[] };

/** The account's SNS topics in this region (ARNs), for the topic picker. */
export function listTopics(conn: ConnectionSettings, region: string): Promise<string[]> {
  return live.cache.get(liveKey(conn, region, "sns", "topics"), TTL_MS, () =>
    guarded(conn, "sns", "ListTopics", async () => {
      const client = awsClient(conn, region, "sns");
      const out: string[] = [];
      let NextToken: string | undefined;
      do {
        const page = await client.send(new ListTopicsCommand({ NextToken }));
        out.push(...(page.Topics ?? []).map((t) => t.TopicArn ?? "").filter(Boolean));
        NextToken = page.NextToken;
      } while (NextToken && out.length < 1000);
      return out.sort();
    }),
  );
}

/** AWS reports an unconfirmed e-mail subscription with the ARN "PendingConfirmation". */
const statusOf = (arn: string) => (arn === "PendingConfirmation" || arn === "pending confirmation" ? "Pending confirmation" : "Confirmed");

async function loadAlerts(conn: ConnectionSettings, region: string, clusterArn: string): Promise<TaskAlertSummary[]> {
  const events = awsClient(conn, region, "events");
  const sns = awsClient(conn, region, "sns");
  // ListRules names no targets: the alert rules are those whose pattern is this cluster's task or deployment events.
  const rules = await guarded(conn, "events", "ListRules", async () => {
    const out: { Name?: string; State?: string; EventPattern?: string }[] = [];
    let NextToken: string | undefined;
    do {
      const page = await events.send(new ListRulesCommand({ EventBusName: "default", Limit: 100, NextToken }));
      out.push(...(page.Rules ?? []));
      NextToken = page.NextToken;
    } while (NextToken && out.length < 2000);
    return out.filter((r) => alertKind(r.EventPattern ?? "", clusterArn) !== null);
  });
  const alerts = await Promise.all(
    rules.map(async (r) => {
      const targets = await guarded(conn, "events", "ListTargetsByRule", () => events.send(new ListTargetsByRuleCommand({ Rule: r.Name, EventBusName: "default" })));
      const topic = (targets.Targets ?? []).find((t) => (t.Arn ?? "").includes(":sns:"))?.Arn ?? "";
      const subs = topic ? await guarded(conn, "sns", "ListSubscriptionsByTopic", () => sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topic }))) : { Subscriptions: [] };
      return {
        name: r.Name ?? "",
        kind: alertKind(r.EventPattern ?? "", clusterArn) ?? "tasks",
        state: r.State ?? "ENABLED",
        pattern: r.EventPattern ?? "",
        topicArn: topic,
        subscriptions: (subs.Subscriptions ?? []).map((s) => ({ endpoint: s.Endpoint ?? "", protocol: s.Protocol ?? "", status: statusOf(s.SubscriptionArn ?? "") })),
      };
    }),
  );
  return alerts.filter((a) => a.topicArn).sort((a, b) => a.name.localeCompare(b.name));
}

/** The rules that mail this cluster's stopped tasks or its services' deployments to an SNS topic, with the topic's subscriptions. */
export function listClusterAlerts(conn: ConnectionSettings, region: string, clusterArn: string): Promise<TaskAlertSummary[]> {
  return live.cache.get(liveKey(conn, region, "events", "task-alerts", clusterArn), TTL_MS, () => loadAlerts(conn, region, clusterArn));
}

/** Whether a topic exists. */
export async function topicExists(conn: ConnectionSettings, region: string, topicArn: string): Promise<boolean> {
  try {
    await awsClient(conn, region, "sns").send(new GetTopicAttributesCommand({ TopicArn: topicArn }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === "NotFoundException" || (error as { name?: string }).name === "NotFound") return false;
    throw mapAwsError(error, { service: "sns", operation: "GetTopicAttributes", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
}

