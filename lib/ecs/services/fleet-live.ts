import "server-only";
import { live, liveKey } from "@/lib/core/live/shared";
import type { WatchSource } from "@/lib/core/live/hub";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { mapLimit } from "@/lib/core/aws/batches";
import { fleetClient, listServiceArns, readClusterServices, readFleet, type FleetClient, type FleetOverview, type FleetService } from "./fleet";
import { describeTargetHealth } from "./load-balancers";

// Shared by every viewer of a key (lib/core/live/README.md), so these are per account+region, not per browser.
export const OVERVIEW_INTERVAL_MS = 10_000;
export const CLUSTER_INTERVAL_MS = 5_000;
/** Target health changes on the health check's own interval (10–30 s); reading it slower costs nothing. */
const TARGET_HEALTH_TTL_MS = 15_000;
/** The overview relists a cluster's services this often; DescribeServices runs every poll. */
const OVERVIEW_SERVICE_LIST_TTL_MS = 30_000;
/** A render and the first poll of the stream that follows it share one read. */
const SHARED_READ_TTL_MS = 2_000;
/** ECS refills service reads at 20/s per account and region, shared with the console and every tool:
 * the overview of a big fleet slows down so that it never takes more than this many calls per second. */
const OVERVIEW_MAX_CALLS_PER_S = 4;

type Conn = ConnectionSettings;

export type TargetCounts = { healthy: number; total: number } | { unavailable: string };
export type LiveService = FleetService & { targets: TargetCounts | null };
export type ClusterLive = { services: LiveService[] };

export const overviewKey = (conn: Conn, region: string) => liveKey(conn, region, "ecs", "fleet", "overview");
export const clusterKey = (conn: Conn, region: string, cluster: string) => liveKey(conn, region, "ecs", "fleet", "cluster", cluster);

function counting(client: FleetClient) {
  let calls = 0;
  return { client: { send: (command: Parameters<FleetClient["send"]>[0]) => (calls++, client.send(command)) }, calls: () => calls };
}

function serviceArnsCached(conn: Conn, region: string, client: FleetClient, ttlMs: number) {
  return (cluster: string) => live.cache.get(liveKey(conn, region, "ecs", "service-arns", cluster), ttlMs, () => listServiceArns(client, cluster));
}

async function loadOverview(conn: Conn, region: string, source?: { intervalMs: number }): Promise<FleetOverview> {
  const { client, calls } = counting(fleetClient(conn, region));
  const overview = await readFleet(client, { serviceArns: serviceArnsCached(conn, region, client, OVERVIEW_SERVICE_LIST_TTL_MS) });
  if (source) source.intervalMs = Math.min(60_000, Math.max(OVERVIEW_INTERVAL_MS, (calls() * 1000) / OVERVIEW_MAX_CALLS_PER_S));
  return overview;
}

/** The region's fleet as the overview shows it; shared with everyone rendering it within 2 s. */
export function readOverviewShared(conn: Conn, region: string, maxAgeMs = SHARED_READ_TTL_MS): Promise<FleetOverview> {
  return live.cache.get(overviewKey(conn, region), maxAgeMs, () => loadOverview(conn, region));
}

/** One poller per connection+region, every 10 s — slower on a fleet big enough to need it. */
export function overviewSource(conn: Conn, region: string): WatchSource<FleetOverview> {
  const source: WatchSource<FleetOverview> = {
    intervalMs: OVERVIEW_INTERVAL_MS,
    poll: () => live.cache.get(overviewKey(conn, region), SHARED_READ_TTL_MS, () => loadOverview(conn, region, source)),
  };
  return source;
}

/** Healthy / registered targets per target group, each read at most every 15 s whoever asks. */
async function targetHealth(conn: Conn, region: string, arns: string[]): Promise<Map<string, TargetCounts>> {
  const results = await mapLimit(arns, 5, async (arn): Promise<TargetCounts> => {
    try {
      const targets = await live.cache.get(liveKey(conn, region, "elbv2", "target-health", arn), TARGET_HEALTH_TTL_MS, () => describeTargetHealth(conn, region, arn));
      return { healthy: targets.filter((t) => t.state === "healthy").length, total: targets.length };
    } catch (error) {
      // The services table stays useful when only ELB reads fail (e.g. no elasticloadbalancing:Describe*).
      return { unavailable: error instanceof Error ? error.message : "Target health could not be read" };
    }
  });
  return new Map(arns.map((arn, i) => [arn, results[i]]));
}

function sumTargets(arns: string[], health: Map<string, TargetCounts>): TargetCounts | null {
  if (arns.length === 0) return null;
  let healthy = 0;
  let total = 0;
  for (const arn of arns) {
    const counts = health.get(arn);
    if (!counts || "unavailable" in counts) return counts ?? { unavailable: "Target health could not be read" };
    healthy += counts.healthy;
    total += counts.total;
  }
  return { healthy, total };
}

async function loadCluster(conn: Conn, region: string, cluster: string): Promise<ClusterLive> {
  const client = fleetClient(conn, region);
  const services = await readClusterServices(client, cluster, serviceArnsCached(conn, region, client, CLUSTER_INTERVAL_MS - 1000));
  const health = await targetHealth(conn, region, [...new Set(services.flatMap((s) => s.targetGroupArns))]);
  return { services: services.map((s) => ({ ...s, targets: sumTargets(s.targetGroupArns, health) })) };
}

/** A cluster's services with rollout and target health, worst first; shared with everyone rendering it within 2 s. */
export function readClusterShared(conn: Conn, region: string, cluster: string, maxAgeMs = SHARED_READ_TTL_MS): Promise<ClusterLive> {
  return live.cache.get(clusterKey(conn, region, cluster), maxAgeMs, () => loadCluster(conn, region, cluster));
}

/** One poller per cluster for all its viewers, every 5 s (target health every 15 s). */
export function clusterSource(conn: Conn, region: string, cluster: string): WatchSource<ClusterLive> {
  return { intervalMs: CLUSTER_INTERVAL_MS, poll: () => readClusterShared(conn, region, cluster) };
}
