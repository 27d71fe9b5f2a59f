import "server-only";
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  paginateListTaskDefinitions,
  type Service,
} from "@aws-sdk/client-ecs";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { mapAwsError } from "@/lib/core/aws/errors";
import { guarded } from "@/lib/core/aws/guarded";
import { live, liveKey } from "@/lib/core/live/shared";

export type ServiceDetail = {
  name: string;
  arn: string;
  cluster: string;
  status: string;
  desired: number;
  running: number;
  pending: number;
  taskDefinition: string;
  launchType: string;
  capacityProviderStrategy: { capacityProvider: string; weight: number; base: number }[];
  platformVersion: string;
  schedulingStrategy: string;
  createdAt?: string;
  /** Circuit breaker undefined: AWS did not report one (AWS always does; some emulators don't). */
  deployment: { minimumHealthyPercent?: number; maximumPercent?: number; circuitBreaker?: boolean; rollback: boolean; controller: string; strategy: string; bakeTime?: number };
  network: { subnets: string[]; securityGroups: string[]; assignPublicIp: string } | null;
  loadBalancers: { targetGroupArn: string; containerName: string; containerPort: number }[];
  healthCheckGracePeriod?: number;
  enableExecuteCommand: boolean;
  deployments: { id: string; status: string; taskDefinition: string; desired: number; running: number; pending: number; rolloutState: string; createdAt?: string }[];
  events: { id: string; at?: string; message: string }[];
  tags: { key: string; value: string }[];
};

/** A task definition revision as the service wizard needs it: how it networks and what it listens on. */
export type TaskDefinitionInfo = {
  familyRevision: string;
  networkMode: string;
  compatibilities: string[];
  containers: { name: string; ports: { containerPort: number; protocol: string; name?: string }[] }[];
};

const short = (arn?: string) => (arn ?? "").split("/").pop() ?? "";
const iso = (d?: Date) => (d ? new Date(d).toISOString() : undefined);

function toDetail(s: Service, cluster: string): ServiceDetail {
  const dc = s.deploymentConfiguration;
  const vpc = s.networkConfiguration?.awsvpcConfiguration;
  return {
    name: s.serviceName ?? "",
    arn: s.serviceArn ?? "",
    cluster,
    status: s.status ?? "UNKNOWN",
    desired: s.desiredCount ?? 0,
    running: s.runningCount ?? 0,
    pending: s.pendingCount ?? 0,
    taskDefinition: short(s.taskDefinition),
    launchType: s.launchType ?? "",
    capacityProviderStrategy: (s.capacityProviderStrategy ?? []).map((c) => ({ capacityProvider: c.capacityProvider ?? "", weight: c.weight ?? 0, base: c.base ?? 0 })),
    platformVersion: s.platformVersion ?? "",
    schedulingStrategy: s.schedulingStrategy ?? "REPLICA",
    createdAt: iso(s.createdAt),
    deployment: {
      minimumHealthyPercent: dc?.minimumHealthyPercent,
      maximumPercent: dc?.maximumPercent,
      circuitBreaker: dc?.deploymentCircuitBreaker ? Boolean(dc.deploymentCircuitBreaker.enable) : undefined,
      rollback: Boolean(dc?.deploymentCircuitBreaker?.rollback),
      controller: s.deploymentController?.type ?? "ECS",
      strategy: dc?.strategy ?? "ROLLING",
      bakeTime: dc?.bakeTimeInMinutes,
    },
    network: vpc ? { subnets: vpc.subnets ?? [], securityGroups: vpc.securityGroups ?? [], assignPublicIp: vpc.assignPublicIp ?? "DISABLED" } : null,
    loadBalancers: (s.loadBalancers ?? []).map((lb) => ({ targetGroupArn: lb.targetGroupArn ?? "", containerName: lb.containerName ?? "", containerPort: lb.containerPort ?? 0 })),
    healthCheckGracePeriod: s.healthCheckGracePeriodSeconds,
    enableExecuteCommand: Boolean(s.enableExecuteCommand),
    deployments: (s.deployments ?? []).map((d) => ({
      id: d.id ?? "",
      status: d.status ?? "",
      taskDefinition: short(d.taskDefinition),
      desired: d.desiredCount ?? 0,
      running: d.runningCount ?? 0,
      pending: d.pendingCount ?? 0,
      rolloutState: d.rolloutState ?? "",
      createdAt: iso(d.createdAt),
    })),
    // The newest few; the full live view is its own page.
    events: (s.events ?? []).slice(0, 10).map((e) => ({ id: e.id ?? "", at: iso(e.createdAt), message: e.message ?? "" })),
    tags: (s.tags ?? []).map((t) => ({ key: t.key ?? "", value: t.value ?? "" })),
  };
}

/**
 * DescribeServices for one service, with its tags, shared by the page render (header, page) and the
 * live view's poll: callers say how old an answer they accept (`maxAgeMs`), so a render and the
 * poll that follows it cost AWS one call, while the live view never shows data older than a second.
 */
export function describeServiceShared(conn: ConnectionSettings, region: string, cluster: string, name: string, maxAgeMs = 2000): Promise<Service | null> {
  return live.cache.get(liveKey(conn, region, "ecs", "describe-service", cluster, name), maxAgeMs, async () => {
    const client = awsClient(conn, region, "ecs");
    const out = await guarded(conn, "ecs", "DescribeServices", () => client.send(new DescribeServicesCommand({ cluster, services: [name], include: ["TAGS"] })));
    return out.services?.[0] ?? null;
  });
}

/** One service with its tags; null when it does not exist or was deleted (INACTIVE). */
export async function getServiceDetail(conn: ConnectionSettings, region: string, cluster: string, name: string): Promise<ServiceDetail | null> {
  const client = awsClient(conn, region, "ecs");
  const out = await guarded(conn, "ecs", "DescribeServices", () => client.send(new DescribeServicesCommand({ cluster, services: [name], include: ["TAGS"] })));
  const service = out.services?.[0];
  return service && service.status !== "INACTIVE" ? toDetail(service, cluster) : null;
}

/**
 * getServiceDetail shared by everything rendering this service (layout, page, header actions) and
 * its live view's polls; `maxAgeMs` as in describeServiceShared (pages behind a live view: BEHIND_LIVE_TTL_MS).
 */
export async function getServiceDetailShared(conn: ConnectionSettings, region: string, cluster: string, name: string, maxAgeMs = 2000): Promise<ServiceDetail | null> {
  const service = await describeServiceShared(conn, region, cluster, name, maxAgeMs);
  return service && service.status !== "INACTIVE" ? toDetail(service, cluster) : null;
}

/** ACTIVE task definition revisions as family:revision, newest first (ListTaskDefinitions, 100 per page). */
export async function listTaskDefinitionRevisions(conn: ConnectionSettings, region: string): Promise<string[]> {
  const client = awsClient(conn, region, "ecs");
  return guarded(conn, "ecs", "ListTaskDefinitions", async () => {
    const out: string[] = [];
    for await (const page of paginateListTaskDefinitions({ client, pageSize: 100 }, { status: "ACTIVE", sort: "DESC" })) {
      out.push(...(page.taskDefinitionArns ?? []).map(short));
    }
    return out;
  });
}

export async function getTaskDefinitionInfo(conn: ConnectionSettings, region: string, familyRevision: string): Promise<TaskDefinitionInfo | null> {
  const client = awsClient(conn, region, "ecs");
  try {
    const { taskDefinition: td } = await client.send(new DescribeTaskDefinitionCommand({ taskDefinition: familyRevision }));
    if (!td) return null;
    return {
      familyRevision: `${td.family}:${td.revision}`,
      networkMode: td.networkMode ?? "bridge",
      compatibilities: td.requiresCompatibilities ?? td.compatibilities ?? [],
      containers: (td.containerDefinitions ?? []).map((c) => ({
        name: c.name ?? "",
        ports: (c.portMappings ?? []).map((p) => ({ containerPort: p.containerPort ?? 0, protocol: p.protocol ?? "tcp", name: p.name })),
      })),
    };
  } catch (error) {
    if ((error as { name?: string }).name === "ClientException") return null;
    throw mapAwsError(error, { service: "ecs", operation: "DescribeTaskDefinition", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
}
