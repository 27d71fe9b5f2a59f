import "server-only";
import { sharedReader } from "@/lib/core/live/shared-read";
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  paginateListClusters,
  paginateListServices,
  type Cluster,
} from "@aws-sdk/client-ecs";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { guarded } from "@/lib/core/aws/guarded";
import { chunks } from "@/lib/core/aws/batches";
import { DESCRIBE_CLUSTERS_MAX, DESCRIBE_SERVICES_MAX, serviceSummary, type ServiceSummary } from "../services/fleet";

export type { ServiceSummary };

export type ClusterSummary = {
  name: string;
  arn: string;
  status: string;
  capacityProviders: string[];
  defaultStrategy: { capacityProvider: string; weight: number; base: number }[];
  activeServices: number;
  runningTasks: number;
  pendingTasks: number;
  containerInstances: number;
  containerInsights: string;
  tags: { key: string; value: string }[];
};


function toCluster(c: Cluster): ClusterSummary {
  return {
    name: c.clusterName ?? "",
    arn: c.clusterArn ?? "",
    status: c.status ?? "UNKNOWN",
    capacityProviders: c.capacityProviders ?? [],
    defaultStrategy: (c.defaultCapacityProviderStrategy ?? []).map((s) => ({
      capacityProvider: s.capacityProvider ?? "",
      weight: s.weight ?? 0,
      base: s.base ?? 0,
    })),
    activeServices: c.activeServicesCount ?? 0,
    runningTasks: c.runningTasksCount ?? 0,
    pendingTasks: c.pendingTasksCount ?? 0,
    containerInstances: c.registeredContainerInstancesCount ?? 0,
    containerInsights: c.settings?.find((s) => s.name === "containerInsights")?.value ?? "disabled",
    tags: (c.tags ?? []).map((t) => ({ key: t.key ?? "", value: t.value ?? "" })),
  };
}

async function describeClusters(conn: ConnectionSettings, region: string, names: string[]): Promise<ClusterSummary[]> {
  const client = awsClient(conn, region, "ecs");
  const pages = await Promise.all(
    chunks(names, DESCRIBE_CLUSTERS_MAX).map((batch) =>
      guarded(conn, "ecs", "DescribeClusters", () =>
        client.send(new DescribeClustersCommand({ clusters: batch, include: ["SETTINGS", "TAGS", "STATISTICS"] })),
      ),
    ),
  );
  return pages.flatMap((p) => (p.clusters ?? []).map(toCluster));
}

/** Every cluster in the region, described in batches of 100. */
async function listClustersFromAws(conn: ConnectionSettings, region: string): Promise<ClusterSummary[]> {
  const client = awsClient(conn, region, "ecs");
  const arns = await guarded(conn, "ecs", "ListClusters", async () => {
    const all: string[] = [];
    for await (const page of paginateListClusters({ client, pageSize: 100 }, {})) all.push(...(page.clusterArns ?? []));
    return all;
  });
  if (arns.length === 0) return [];
  const clusters = await describeClusters(conn, region, arns);
  return clusters.sort((a, b) => a.name.localeCompare(b.name));
}

/** One cluster by name or ARN; null when it does not exist or is INACTIVE (deleted). */
async function getClusterFromAws(conn: ConnectionSettings, region: string, name: string): Promise<ClusterSummary | null> {
  const [cluster] = await describeClusters(conn, region, [name]);
  return cluster && cluster.status !== "INACTIVE" ? cluster : null;
}

/** A cluster's services: listed 100 per page (the default is 10), described 10 at a time. */
async function listServicesFromAws(conn: ConnectionSettings, region: string, cluster: string): Promise<ServiceSummary[]> {
  const client = awsClient(conn, region, "ecs");
  const arns = await guarded(conn, "ecs", "ListServices", async () => {
    const all: string[] = [];
    for await (const page of paginateListServices({ client, pageSize: 100 }, { cluster })) all.push(...(page.serviceArns ?? []));
    return all;
  });
  const pages = await Promise.all(
    chunks(arns, DESCRIBE_SERVICES_MAX).map((batch) =>
      guarded(conn, "ecs", "DescribeServices", () => client.send(new DescribeServicesCommand({ cluster, services: batch }))),
    ),
  );
  return pages.flatMap((p) => (p.services ?? []).map(serviceSummary)).sort((a, b) => a.name.localeCompare(b.name));
}

// Shared by every caller for a moment (see lib/core/live/shared-read.ts): many people browsing cost AWS one read.
export const listClusters = sharedReader("ecs:listClusters", listClustersFromAws);
export const getCluster = sharedReader("ecs:getCluster", getClusterFromAws);
export const listServices = sharedReader("ecs:listServices", listServicesFromAws);
