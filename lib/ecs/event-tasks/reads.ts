import "server-only";
import { DescribeRuleCommand, ListRuleNamesByTargetCommand, ListTargetsByRuleCommand } from "@aws-sdk/client-eventbridge";
import { GetBucketNotificationConfigurationCommand, ListBucketsCommand } from "@aws-sdk/client-s3";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { mapAwsError } from "@/lib/core/aws/errors";
import { guarded } from "@/lib/core/aws/guarded";
import { live, liveKey } from "@/lib/core/live/shared";
import type { BucketNotification } from "./plan";
import { listQueueNames, queueUrlOf } from "../scaling/queues";
import { GetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import type { QueueFacts } from "./plan";

const TTL_MS = 5_000;

export type EventRuleTarget = { id: string; arn: string; taskDefinition: string; taskCount: number; launchType: string; roleArn: string; input: string };

export type EventRuleSummary = {
  name: string;
  state: string;
  description: string;
  pattern: string;
  /** For an S3 "Object Created" pattern: the bucket and key filter it says, in words. */
  s3: { bucket: string; key: string } | null;
  /** Managed by an AWS service (ManagedBy): such a rule cannot be changed here. */
  awsManaged: boolean;
  targets: EventRuleTarget[];
};

function s3Summary(pattern: string): EventRuleSummary["s3"] {
  try {
    const p = JSON.parse(pattern);
    if (p?.source?.[0] !== "aws.s3" || p?.["detail-type"]?.[0] !== "Object Created") return null;
    const bucket = String(p.detail?.bucket?.name?.[0] ?? "");
    const k = p.detail?.object?.key?.[0];
    const key = !k ? "any key" : k.prefix ? `keys starting ${k.prefix}` : k.suffix ? `keys ending ${k.suffix}` : k.wildcard ? `keys like ${k.wildcard}` : JSON.stringify(k);
    return { bucket, key };
  } catch {
    return null;
  }
}

async function loadClusterRules(conn: ConnectionSettings, region: string, clusterArn: string): Promise<EventRuleSummary[]> {
  const client = awsClient(conn, region, "events");
  const names = await guarded(conn, "events", "ListRuleNamesByTarget", async () => {
    const out: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new ListRuleNamesByTargetCommand({ TargetArn: clusterArn, EventBusName: "default", Limit: 100, NextToken }));
      out.push(...(page.RuleNames ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return out;
  });
  const rules = await Promise.all(
    names.map(async (name) => {
      const [rule, targets] = await Promise.all([
        guarded(conn, "events", "DescribeRule", () => client.send(new DescribeRuleCommand({ Name: name, EventBusName: "default" }))),
        guarded(conn, "events", "ListTargetsByRule", () => client.send(new ListTargetsByRuleCommand({ Rule: name, EventBusName: "default", Limit: 100 }))),
      ]);
      return {
        name,
        state: rule.State ?? "ENABLED",
        description: rule.Description ?? "",
        pattern: rule.EventPattern ?? "",
        s3: s3Summary(rule.EventPattern ?? ""),
        awsManaged: Boolean(rule.ManagedBy),
        targets: (targets.Targets ?? []).map((t) => ({
          id: t.Id ?? "",
          arn: t.Arn ?? "",
          taskDefinition: (t.EcsParameters?.TaskDefinitionArn ?? "").split("/").pop() ?? "",
          taskCount: t.EcsParameters?.TaskCount ?? 1,
          launchType: t.EcsParameters?.LaunchType ?? "",
          roleArn: t.RoleArn ?? "",
          input: t.InputTransformer?.InputTemplate ?? t.Input ?? t.InputPath ?? "",
        })),
      };
    }),
  );
  return rules.sort((a, b) => a.name.localeCompare(b.name));
}

/** The default bus's EventBridge rules with a target in this cluster, their patterns and targets. */
export function listClusterEventRules(conn: ConnectionSettings, region: string, clusterArn: string): Promise<EventRuleSummary[]> {
  return live.cache.get(liveKey(conn, region, "events", "cluster-rules", clusterArn), TTL_MS, () => loadClusterRules(conn, region, clusterArn));
}

/** The ids of a rule's targets (RemoveTargets needs them before DeleteRule); null when the rule is gone. */
export async function ruleTargetIds(conn: ConnectionSettings, region: string, name: string): Promise<string[] | null> {
  try {
    const out = await awsClient(conn, region, "events").send(new ListTargetsByRuleCommand({ Rule: name, EventBusName: "default", Limit: 100 }));
    return (out.Targets ?? []).map((t) => t.Id ?? "").filter(Boolean);
  } catch (error) {
    if ((error as { name?: string }).name === "ResourceNotFoundException") return null;
    throw mapAwsError(error, { service: "events", operation: "ListTargetsByRule", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
}

export async function ruleExists(conn: ConnectionSettings, region: string, name: string): Promise<boolean> {
  try {
    await awsClient(conn, region, "events").send(new DescribeRuleCommand({ Name: name, EventBusName: "default" }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === "ResourceNotFoundException") return false;
    throw mapAwsError(error, { service: "events", operation: "DescribeRule", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
}

/** The account's buckets in this region (S3 "Object Created" events reach only the bucket region's default bus). */
export function listBuckets(conn: ConnectionSettings, region: string): Promise<string[]> {
  return live.cache.get(liveKey(conn, region, "s3", "buckets"), TTL_MS, () =>
    guarded(conn, "s3", "ListBuckets", async () => {
      const out = await awsClient(conn, region, "s3").send(new ListBucketsCommand({ BucketRegion: region, MaxBuckets: 1000 }));
      return (out.Buckets ?? []).filter((b) => !b.BucketRegion || b.BucketRegion === region).map((b) => b.Name ?? "").filter(Boolean).sort();
    }),
  );
}

/** SQS queue names of the region, for the rule's dead-letter queue. */
export function listDeadLetterQueues(conn: ConnectionSettings, region: string): Promise<string[]> {
  return live.cache.get(liveKey(conn, region, "sqs", "queue-names"), TTL_MS, () => listQueueNames(conn, region));
}

/** The bucket's notification configuration, plain; null when there is no such bucket. */
export async function bucketNotification(conn: ConnectionSettings, region: string, bucket: string): Promise<BucketNotification | null> {
  try {
    const out = await awsClient(conn, region, "s3").send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
    const plain: BucketNotification = {};
    if (out.TopicConfigurations?.length) plain.TopicConfigurations = out.TopicConfigurations;
    if (out.QueueConfigurations?.length) plain.QueueConfigurations = out.QueueConfigurations;
    if (out.LambdaFunctionConfigurations?.length) plain.LambdaFunctionConfigurations = out.LambdaFunctionConfigurations;
    if (out.EventBridgeConfiguration) plain.EventBridgeConfiguration = {};
    return plain;
  } catch (error) {
    if ((error as { name?: string }).name === "NoSuchBucket") return null;
    throw mapAwsError(error, { service: "s3", operation: "GetBucketNotificationConfiguration", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
}

/** The dead-letter queue's URL and access policy ("" if none); null when there is no such queue. */
export async function deadLetterQueueFacts(conn: ConnectionSettings, region: string, name: string): Promise<QueueFacts | null> {
  const url = await queueUrlOf(conn, region, name);
  if (!url) return null;
  const out = await guarded(conn, "sqs", "GetQueueAttributes", () => awsClient(conn, region, "sqs").send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["Policy"] })));
  return { url, policy: out.Attributes?.Policy ?? "" };
}
