import "server-only";
import { GetMetricDataCommand, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { live, liveKey } from "@/lib/core/live/shared";
import { windowFor, type MetricRange, type MetricWindow } from "@/lib/ecs/metrics/range";
import { QUERY_IDS, toServiceUtilization, type RawMetricResult, type ServiceUtilization } from "@/lib/ecs/metrics/series";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { guarded } from "@/lib/core/aws/guarded";

/** What these reads need of a CloudWatch client; tests pass a fake. */
type CloudWatchClient = Pick<ReturnType<typeof awsClient<"cloudwatch">>, "send">;

// A page of a busy week could in theory need more; four queries of ≤1,440 points never do.
const MAX_PAGES = 10;

/** The four queries of a service: AWS/ECS CPU and memory utilization, Average and Maximum. */
export function utilizationQueries(cluster: string, service: string, period: number): MetricDataQuery[] {
  const dimensions = [
    { Name: "ClusterName", Value: cluster },
    { Name: "ServiceName", Value: service },
  ];
  const query = (id: string, metric: string, stat: "Average" | "Maximum"): MetricDataQuery => ({
    Id: id,
    Label: `${metric} ${stat}`,
    MetricStat: { Metric: { Namespace: "AWS/ECS", MetricName: metric, Dimensions: dimensions }, Period: period, Stat: stat },
    ReturnData: true,
  });
  return [
    query(QUERY_IDS.cpuAverage, "CPUUtilization", "Average"),
    query(QUERY_IDS.cpuMaximum, "CPUUtilization", "Maximum"),
    query(QUERY_IDS.memoryAverage, "MemoryUtilization", "Average"),
    query(QUERY_IDS.memoryMaximum, "MemoryUtilization", "Maximum"),
  ];
}

/**
 * CPU and memory utilization of an ECS service over a range: one GetMetricData call for all four
 * series (it takes up to 500 queries), followed through NextToken, laid on the window's periods.
 */
export async function getServiceUtilization(
  conn: ConnectionSettings,
  region: string,
  input: { cluster: string; service: string; range: MetricRange; now?: number },
  client: CloudWatchClient = awsClient(conn, region, "cloudwatch"),
): Promise<ServiceUtilization> {
  const window: MetricWindow = windowFor(input.range, input.now ?? Date.now());
  const queries = utilizationQueries(input.cluster, input.service, window.period);
  const byId = new Map<string, RawMetricResult>(queries.map((q) => [q.Id!, { id: q.Id!, timestamps: [], values: [] }]));
  let nextToken: string | undefined;
  let pages = 0;
  await guarded(conn, "cloudwatch", "GetMetricData", async () => {
    do {
      const out = await client.send(
        new GetMetricDataCommand({
          MetricDataQueries: queries,
          StartTime: new Date(window.start),
          EndTime: new Date(window.end),
          ScanBy: "TimestampAscending",
          NextToken: nextToken,
        }),
      );
      for (const r of out.MetricDataResults ?? []) {
        const into = r.Id ? byId.get(r.Id) : undefined;
        if (!into) continue;
        const values = r.Values ?? [];
        (r.Timestamps ?? []).forEach((ts, i) => {
          if (values[i] === undefined) return;
          into.timestamps.push(new Date(ts).getTime());
          into.values.push(values[i]);
        });
      }
      nextToken = out.NextToken;
      pages += 1;
    } while (nextToken && pages < MAX_PAGES);
  });
  return toServiceUtilization(window, [...byId.values()], Date.now());
}

/** Key of a service's utilization for one range: the page render and the live watcher share it. */
export function utilizationKey(conn: ConnectionSettings, region: string, cluster: string, service: string, range: MetricRange): string {
  return liveKey(conn, region, "cloudwatch", "ecs-service-utilization", cluster, service, range);
}

/** getServiceUtilization shared by everyone opening this service's metrics within a few seconds. */
export function getServiceUtilizationShared(
  conn: ConnectionSettings,
  region: string,
  cluster: string,
  service: string,
  range: MetricRange,
): Promise<ServiceUtilization> {
  return live.cache.get(utilizationKey(conn, region, cluster, service, range), 5000, () => getServiceUtilization(conn, region, { cluster, service, range }));
}
