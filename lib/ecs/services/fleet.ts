import "server-only";
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  ListClustersCommand,
  ListServicesCommand,
  type DescribeClustersCommandOutput,
  type DescribeServicesCommandOutput,
  type ListClustersCommandOutput,
  type ListServicesCommandOutput,
  type Service,
} from "@aws-sdk/client-ecs";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { mapAwsError } from "@/lib/core/aws/errors";
import { chunks, mapLimit } from "@/lib/core/aws/batches";
import { byHealth, healthOf, rolloutOf, worstHealth, type FleetHealth, type Rollout } from "./fleet-health";

// API maxima (ENVIRONMENT.md): one call reads this many; fewer calls would not be possible.
export const LIST_MAX = 100;
export const DESCRIBE_CLUSTERS_MAX = 100;
export const DESCRIBE_SERVICES_MAX = 10;
/** DescribeServices calls in flight at once: fast on a big fleet without emptying ECS's read bucket (100 burst). */
export const FLEET_CONCURRENCY = 5;

type FleetCommand = ListClustersCommand | DescribeClustersCommand | ListServicesCommand | DescribeServicesCommand;
/** The part of an ECS client the fleet reads need; tests pass a fake. */
export type FleetClient = { send(command: FleetCommand): Promise<unknown> };

/** A service as every list of services shows it (the cluster's Services table, the fleet). */
export type ServiceSummary = {
  name: string;
  arn: string;
  status: string;
  desired: number;
  running: number;
  pending: number;
  /** family:revision */
  taskDefinition: string;
  /** The launch type, or the capacity providers of its strategy. */
  launchType: string;
};

export type FleetService = ServiceSummary & {
  cluster: string;
  rollout: Rollout;
  health: FleetHealth;
  targetGroupArns: string[];
  lastEvent: { message: string; at?: string } | null;
};

export type FleetCluster = {
  name: string;
  arn: string;
  status: string;
  services: number;
  desired: number;
  running: number;
  pending: number;
  /** Services per health, and the cluster's worst. */
  counts: Record<FleetHealth, number>;
  health: FleetHealth;
};

export type FleetOverview = {
  clusters: FleetCluster[];
  totals: { clusters: number; services: number; desired: number; running: number; pending: number; counts: Record<FleetHealth, number> };
};

/** The operation's name (not the class name: minified server bundles rename classes). */
export function operationOf(command: FleetCommand): string {
  if (command instanceof ListClustersCommand) return "ListClusters";
  if (command instanceof DescribeClustersCommand) return "DescribeClusters";
  if (command instanceof ListServicesCommand) return "ListServices";
  return "DescribeServices";
}

/** An ECS client for the fleet reads whose errors come back as AwsOperationError. */
export function fleetClient(conn: ConnectionSettings, region: string): FleetClient {
  const client = awsClient(conn, region, "ecs");
  return {
    async send(command) {
      try {
        return await client.send(command as DescribeServicesCommand);
      } catch (error) {
        throw mapAwsError(error, { service: "ecs", operation: operationOf(command), connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
      }
    },
  };
}

const short = (arn?: string) => (arn ?? "").split("/").pop() ?? "";

/** ListClusters, 100 per page (the most it returns). */
export async function listClusterArns(client: FleetClient): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = (await client.send(new ListClustersCommand({ maxResults: LIST_MAX, nextToken }))) as ListClustersCommandOutput;
    arns.push(...(page.clusterArns ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return arns;
}

/** ListServices, 100 per page (its default is 10). */
export async function listServiceArns(client: FleetClient, cluster: string): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = (await client.send(new ListServicesCommand({ cluster, maxResults: LIST_MAX, nextToken }))) as ListServicesCommandOutput;
    arns.push(...(page.serviceArns ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return arns;
}

export function serviceSummary(s: Service): ServiceSummary {
  return {
    name: s.serviceName ?? "",
    arn: s.serviceArn ?? "",
    status: s.status ?? "UNKNOWN",
    desired: s.desiredCount ?? 0,
    running: s.runningCount ?? 0,
    pending: s.pendingCount ?? 0,
    taskDefinition: short(s.taskDefinition),
    launchType: s.launchType ?? s.capacityProviderStrategy?.map((c) => c.capacityProvider).join(", ") ?? "",
  };
}

export function toFleetService(s: Service, cluster: string): FleetService {
  const rollout = rolloutOf(s.deployments ?? []);
  const summary = serviceSummary(s);
  const event = s.events?.[0];
  return {
    ...summary,
    cluster,
    rollout,
    health: healthOf({ ...summary, rollout }),
    targetGroupArns: [...new Set((s.loadBalancers ?? []).flatMap((lb) => (lb.targetGroupArn ? [lb.targetGroupArn] : [])))],
    lastEvent: event ? { message: event.message ?? "", at: event.createdAt ? new Date(event.createdAt).toISOString() : undefined } : null,
  };
}

/** DescribeServices 10 at a time, `concurrency` calls in flight; deleted (INACTIVE) services are left out. */
export async function describeServices(client: FleetClient, cluster: string, arns: string[], concurrency = FLEET_CONCURRENCY): Promise<FleetService[]> {
  const pages = await mapLimit(chunks(arns, DESCRIBE_SERVICES_MAX), concurrency, (batch) =>
    client.send(new DescribeServicesCommand({ cluster, services: batch })) as Promise<DescribeServicesCommandOutput>,
  );
  const name = short(cluster);
  return pages.flatMap((p) => (p.services ?? []).filter((s) => s.status !== "INACTIVE").map((s) => toFleetService(s, name)));
}

/** One cluster's services, worst first. `serviceArns` lets a caller reuse a recent listing. */
export async function readClusterServices(
  client: FleetClient,
  cluster: string,
  serviceArns?: (cluster: string) => Promise<string[]>,
): Promise<FleetService[]> {
  const arns = await (serviceArns ? serviceArns(cluster) : listServiceArns(client, cluster));
  return (await describeServices(client, cluster, arns)).sort(byHealth);
}

const noCounts = (): Record<FleetHealth, number> => ({ failed: 0, failing: 0, degraded: 0, rolling: 0, healthy: 0 });

export function summarizeCluster(cluster: { name: string; arn: string; status: string }, services: FleetService[]): FleetCluster {
  const counts = noCounts();
  let desired = 0;
  let running = 0;
  let pending = 0;
  for (const s of services) {
    counts[s.health] += 1;
    desired += s.desired;
    running += s.running;
    pending += s.pending;
  }
  return { ...cluster, services: services.length, desired, running, pending, counts, health: worstHealth(services) };
}

/**
 * Every ACTIVE cluster of the region with its services' health, worst cluster first, in the fewest
 * calls the batch limits allow: ListClusters (100/page) → DescribeClusters (100) → ListServices per
 * cluster (100/page) → DescribeServices (10), at most `concurrency` list/describe calls at once.
 */
export async function readFleet(
  client: FleetClient,
  { concurrency = FLEET_CONCURRENCY, serviceArns }: { concurrency?: number; serviceArns?: (cluster: string) => Promise<string[]> } = {},
): Promise<FleetOverview> {
  const clusterArns = await listClusterArns(client);
  const described = await Promise.all(
    chunks(clusterArns, DESCRIBE_CLUSTERS_MAX).map((batch) => client.send(new DescribeClustersCommand({ clusters: batch })) as Promise<DescribeClustersCommandOutput>),
  );
  const clusters = described
    .flatMap((p) => p.clusters ?? [])
    .filter((c) => c.status !== "INACTIVE")
    .map((c) => ({ name: c.clusterName ?? "", arn: c.clusterArn ?? "", status: c.status ?? "UNKNOWN" }));
  const list = serviceArns ?? ((cluster: string) => listServiceArns(client, cluster));
  const listed = await mapLimit(clusters, concurrency, (c) => list(c.arn));
  // One pool for every cluster's DescribeServices batches, so a fleet of many small clusters
  // still runs `concurrency` calls at once rather than one cluster at a time.
  const batches = clusters.flatMap((c, i) => chunks(listed[i], DESCRIBE_SERVICES_MAX).map((batch) => ({ cluster: c, batch })));
  const pages = await mapLimit(batches, concurrency, ({ cluster, batch }) => describeServices(client, cluster.arn, batch, 1));
  const byCluster = new Map<string, FleetService[]>(clusters.map((c) => [c.arn, []]));
  batches.forEach(({ cluster }, i) => byCluster.get(cluster.arn)!.push(...pages[i]));
  const summaries = clusters.map((c) => summarizeCluster(c, byCluster.get(c.arn)!));
  summaries.sort((a, b) => byHealth(a, b));
  const totals = { clusters: summaries.length, ...summarizeCluster({ name: "", arn: "", status: "" }, [...byCluster.values()].flat()) };
  return {
    clusters: summaries,
    totals: { clusters: totals.clusters, services: totals.services, desired: totals.desired, running: totals.running, pending: totals.pending, counts: totals.counts },
  };
}

/** The fewest ECS calls that can read a fleet of this shape (what readFleet makes on a cold read). */
export function minimumFleetCalls(servicesPerCluster: number[]): number {
  const pages = (n: number, size: number) => Math.max(1, Math.ceil(n / size));
  return (
    pages(servicesPerCluster.length, LIST_MAX) +
    (servicesPerCluster.length ? Math.ceil(servicesPerCluster.length / DESCRIBE_CLUSTERS_MAX) : 0) +
    servicesPerCluster.reduce((sum, n) => sum + pages(n, LIST_MAX) + Math.ceil(n / DESCRIBE_SERVICES_MAX), 0)
  );
}
