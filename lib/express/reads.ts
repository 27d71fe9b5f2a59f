import "server-only";
import { sharedReader } from "@/lib/core/live/shared-read";
import {
  DescribeExpressGatewayServiceCommand,
  DescribeServicesCommand,
  paginateListClusters,
  paginateListServices,
  type ECSExpressGatewayService,
  type ExpressGatewayServiceConfiguration,
  type Service,
} from "@aws-sdk/client-ecs";
import type { ExpressSettings } from "@/lib/express/plan";
import { EXPRESS_DEFAULTS } from "@/lib/express/schema";
import { awsClient, type ConnectionSettings } from "../core/aws/clients";
import { mapAwsError } from "../core/aws/errors";
import { guarded } from "../core/aws/guarded";

export type UnderlyingService = { status: string; desired: number; running: number; pending: number; taskDefinition: string };

export type ExpressService = {
  name: string;
  arn: string;
  cluster: string;
  status: string;
  statusReason?: string;
  /** The public (or private) endpoint of the newest configuration, as a URL. */
  url?: string;
  settings: ExpressSettings | null;
  executionRoleArn?: string;
  infrastructureRoleArn?: string;
  taskRoleArn?: string;
  taskDefinitionArn?: string;
  createdAt?: Date;
  updatedAt?: Date;
  tags: { key: string; value: string }[];
  /** The ECS service Express Mode manages; null when ECS no longer lists it. */
  ecs: UnderlyingService | null;
};

const DESCRIBE_SERVICES_MAX = 10;
// Describes run a few at a time: enough to be quick, few enough to stay under ECS's read burst.
const DESCRIBE_PARALLEL = 5;
const NOT_FOUND = new Set(["ServiceNotFoundException", "ServiceNotActiveException", "ClusterNotFoundException", "ResourceNotFoundException"]);

const lastSegment = (arnOrName: string | undefined) => (arnOrName ?? "").split("/").pop() ?? "";

function toUrl(endpoint: string | undefined): string | undefined {
  if (!endpoint) return undefined;
  return /^https?:\/\//.test(endpoint) ? endpoint : `https://${endpoint}`;
}

function newest(configs: ExpressGatewayServiceConfiguration[] | undefined): ExpressGatewayServiceConfiguration | undefined {
  return [...(configs ?? [])].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
}

const AWS_DEFAULT_HEALTH_CHECK_PATH = "/ping";

/** Express's configuration in the form the update form edits; the API's defaults fill gaps. */
export function settingsOf(c: ExpressGatewayServiceConfiguration | undefined): ExpressSettings | null {
  const container = c?.primaryContainer;
  if (!c || !container?.image) return null;
  return {
    image: container.image,
    containerPort: container.containerPort ?? EXPRESS_DEFAULTS.containerPort,
    cpu: c.cpu ?? "256",
    memory: c.memory ?? "512",
    minTasks: c.scalingTarget?.minTaskCount ?? EXPRESS_DEFAULTS.minTasks,
    maxTasks: c.scalingTarget?.maxTaskCount ?? EXPRESS_DEFAULTS.maxTasks,
    scalingMetric: c.scalingTarget?.autoScalingMetric ?? EXPRESS_DEFAULTS.scalingMetric,
    scalingTarget: c.scalingTarget?.autoScalingTargetValue ?? EXPRESS_DEFAULTS.scalingTarget,
    // What the service really uses when AWS leaves the path out: the API's own /ping, not the
    // wizard's default of / for new services.
    healthCheckPath: c.healthCheckPath ?? AWS_DEFAULT_HEALTH_CHECK_PATH,
    environment: (container.environment ?? []).map((e) => ({ name: e.name ?? "", value: e.value ?? "" })),
  };
}

function toUnderlying(s: Service | undefined): UnderlyingService | null {
  if (!s || s.status === "INACTIVE") return null;
  return {
    status: s.status ?? "UNKNOWN",
    desired: s.desiredCount ?? 0,
    running: s.runningCount ?? 0,
    pending: s.pendingCount ?? 0,
    taskDefinition: lastSegment(s.taskDefinition),
  };
}

function toExpress(s: ECSExpressGatewayService, ecs: Service | undefined): ExpressService {
  const config = newest(s.activeConfigurations);
  const endpoint = config?.ingressPaths?.find((p) => p.accessType === "PUBLIC") ?? config?.ingressPaths?.[0];
  return {
    name: s.serviceName ?? lastSegment(s.serviceArn),
    arn: s.serviceArn ?? "",
    cluster: lastSegment(s.cluster),
    status: s.status?.statusCode ?? "UNKNOWN",
    statusReason: s.status?.statusReason,
    url: toUrl(endpoint?.endpoint),
    settings: settingsOf(config),
    executionRoleArn: config?.executionRoleArn,
    infrastructureRoleArn: s.infrastructureRoleArn,
    taskRoleArn: config?.taskRoleArn,
    taskDefinitionArn: config?.taskDefinitionArn,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    tags: (s.tags ?? []).map((t) => ({ key: t.key ?? "", value: t.value ?? "" })),
    ecs: toUnderlying(ecs),
  };
}

async function describeExpress(conn: ConnectionSettings, region: string, serviceArn: string): Promise<ECSExpressGatewayService | null> {
  const client = awsClient(conn, region, "ecs");
  try {
    const out = await client.send(new DescribeExpressGatewayServiceCommand({ serviceArn, include: ["TAGS"] }));
    return out.service ?? null;
  } catch (error) {
    if (NOT_FOUND.has((error as { name?: string }).name ?? "")) return null;
    throw mapAwsError(error, { service: "ecs", operation: "DescribeExpressGatewayService", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
}

/**
 * The Express service named `name` in `cluster`, with its underlying ECS service;
 * null when there is none (or it is an ordinary ECS service, or deleted).
 */
async function getExpressServiceFromAws(conn: ConnectionSettings, region: string, cluster: string, name: string): Promise<ExpressService | null> {
  const client = awsClient(conn, region, "ecs");
  const out = await guarded(conn, "ecs", "DescribeServices", () => client.send(new DescribeServicesCommand({ cluster, services: [name] })));
  const ecs = out.services?.[0];
  if (!ecs?.serviceArn || ecs.resourceManagementType !== "ECS") return null;
  const express = await describeExpress(conn, region, ecs.serviceArn);
  if (!express || express.status?.statusCode === "INACTIVE") return null;
  return toExpress(express, ecs);
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

/**
 * Every Express service in the region: ECS lists them per cluster with the
 * resourceManagementType=ECS filter (Express services are ECS-managed), described
 * 10 per DescribeServices call, then one DescribeExpressGatewayService each.
 */
async function listExpressServicesFromAws(conn: ConnectionSettings, region: string): Promise<ExpressService[]> {
  const client = awsClient(conn, region, "ecs");
  const clusters = await guarded(conn, "ecs", "ListClusters", async () => {
    const all: string[] = [];
    for await (const page of paginateListClusters({ client, pageSize: 100 }, {})) all.push(...(page.clusterArns ?? []));
    return all;
  });
  const services: Service[] = [];
  for (const cluster of clusters) {
    const arns = await guarded(conn, "ecs", "ListServices", async () => {
      const all: string[] = [];
      for await (const page of paginateListServices({ client, pageSize: 100 }, { cluster, resourceManagementType: "ECS" })) all.push(...(page.serviceArns ?? []));
      return all;
    });
    for (let i = 0; i < arns.length; i += DESCRIBE_SERVICES_MAX) {
      const out = await guarded(conn, "ecs", "DescribeServices", () => client.send(new DescribeServicesCommand({ cluster, services: arns.slice(i, i + DESCRIBE_SERVICES_MAX) })));
      // DescribeServices marks Express services resourceManagementType=ECS; skip the rest even if the filter was ignored.
      services.push(...(out.services ?? []).filter((s) => s.status !== "INACTIVE" && s.resourceManagementType === "ECS"));
    }
  }
  const described = await inBatches(services, DESCRIBE_PARALLEL, async (s) => {
    const express = await describeExpress(conn, region, s.serviceArn ?? "");
    return express && express.status?.statusCode !== "INACTIVE" ? toExpress(express, s) : null;
  });
  return described.filter((s): s is ExpressService => s !== null).sort((a, b) => a.name.localeCompare(b.name) || a.cluster.localeCompare(b.cluster));
}

/** Whether any live ECS service (Express or not) already has this name in the cluster. */
async function serviceExistsFromAws(conn: ConnectionSettings, region: string, cluster: string, name: string): Promise<boolean> {
  const client = awsClient(conn, region, "ecs");
  try {
    const out = await client.send(new DescribeServicesCommand({ cluster, services: [name] }));
    return (out.services ?? []).some((s) => s.status !== "INACTIVE");
  } catch (error) {
    if (NOT_FOUND.has((error as { name?: string }).name ?? "")) return false;
    throw mapAwsError(error, { service: "ecs", operation: "DescribeServices", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
}

// Shared by every caller for a moment (see lib/core/live/shared-read.ts): many people browsing cost AWS one read.
export const getExpressService = sharedReader("express:getExpressService", getExpressServiceFromAws);
export const listExpressServices = sharedReader("express:listExpressServices", listExpressServicesFromAws);
export const serviceExists = sharedReader("express:serviceExists", serviceExistsFromAws);
