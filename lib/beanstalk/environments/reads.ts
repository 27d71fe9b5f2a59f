import "server-only";
import {
  CheckDNSAvailabilityCommand,
  DescribeApplicationsCommand,
  DescribeApplicationVersionsCommand,
  DescribeEnvironmentHealthCommand,
  DescribeEnvironmentsCommand,
  DescribeEventsCommand,
  DescribeInstancesHealthCommand,
  ListAvailableSolutionStacksCommand,
  type EnvironmentDescription,
  type SingleInstanceHealth,
} from "@aws-sdk/client-elastic-beanstalk";
import { GetInstanceProfileCommand } from "@aws-sdk/client-iam";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { mapAwsError } from "@/lib/core/aws/errors";
import { guarded } from "@/lib/core/aws/guarded";
import { AwsOperationError } from "@/lib/core/errors";
import type { WatchSource } from "@/lib/core/live/hub";
import { GLOBAL_REGION, live, liveKey } from "@/lib/core/live/shared";

export type Environment = {
  id: string;
  name: string;
  application: string;
  status: string;
  health: string;
  healthStatus?: string;
  platform: string;
  versionLabel?: string;
  cname?: string;
  url?: string;
  updatedAt?: string;
  createdAt?: string;
  tier: string;
};

export type Application = { name: string; description?: string; createdAt?: string; environments: Environment[] };

export type InstanceHealth = {
  id: string;
  color: string;
  status: string;
  causes: string[];
  versionLabel?: string;
  deploymentId?: number;
  deploymentStatus?: string;
  az?: string;
  instanceType?: string;
  launchedAt?: string;
};

export type EnvironmentHealth = { color: string; status: string; causes: string[]; counts: Record<string, number>; refreshedAt?: string };

export type BeanstalkEvent = { at: string; severity: string; message: string; versionLabel?: string };

/** What the environment page shows and its live stream sends: parts AWS refused carry why instead. */
export type EnvironmentView = {
  environment: Environment | null;
  health: EnvironmentHealth | { failure: string };
  instances: InstanceHealth[] | { failure: string };
  events: BeanstalkEvent[] | { failure: string };
};

export type ApplicationVersion = { label: string; status: string; createdAt?: string; description?: string; bundle?: string };

const TTL_MS = 3000;
const EVENTS_SHOWN = 50;

function toEnvironment(e: EnvironmentDescription): Environment {
  return {
    id: e.EnvironmentId ?? "",
    name: e.EnvironmentName ?? "",
    application: e.ApplicationName ?? "",
    status: e.Status ?? "Unknown",
    health: e.Health ?? "Grey",
    healthStatus: e.HealthStatus,
    platform: e.SolutionStackName ?? e.PlatformArn ?? "",
    versionLabel: e.VersionLabel,
    cname: e.CNAME || undefined,
    url: e.CNAME ? `http://${e.CNAME}` : e.EndpointURL ? `http://${e.EndpointURL}` : undefined,
    updatedAt: e.DateUpdated?.toISOString(),
    createdAt: e.DateCreated?.toISOString(),
    tier: e.Tier?.Name ?? "WebServer",
  };
}

const client = (conn: ConnectionSettings, region: string) => awsClient(conn, region, "elasticbeanstalk");

async function describeEnvironments(conn: ConnectionSettings, region: string, application?: string, names?: string[]): Promise<Environment[]> {
  return guarded(conn, "elasticbeanstalk", "DescribeEnvironments", async () => {
    const out: Environment[] = [];
    let token: string | undefined;
    // At most 1000 a page (the API's maximum); bounded to 20 pages.
    for (let page = 0; page < 20; page++) {
      const res = await client(conn, region).send(new DescribeEnvironmentsCommand({ ApplicationName: application, EnvironmentNames: names, IncludeDeleted: false, MaxRecords: 1000, NextToken: token }));
      out.push(...(res.Environments ?? []).map(toEnvironment));
      token = res.NextToken;
      if (!token) break;
    }
    return out.filter((e) => e.status !== "Terminated");
  });
}

/** Every application of the region with its environments (terminated ones left out). */
export function listApplications(conn: ConnectionSettings, region: string): Promise<Application[]> {
  return live.cache.get(liveKey(conn, region, "beanstalk", "applications"), TTL_MS, async () => {
    const [apps, envs] = await Promise.all([
      guarded(conn, "elasticbeanstalk", "DescribeApplications", () => client(conn, region).send(new DescribeApplicationsCommand({}))),
      describeEnvironments(conn, region),
    ]);
    return (apps.Applications ?? [])
      .map((a) => ({
        name: a.ApplicationName ?? "",
        description: a.Description || undefined,
        createdAt: a.DateCreated?.toISOString(),
        environments: envs.filter((e) => e.application === a.ApplicationName).sort((x, y) => x.name.localeCompare(y.name)),
      }))
      .sort((x, y) => x.name.localeCompare(y.name));
  });
}

export function getEnvironment(conn: ConnectionSettings, region: string, application: string, name: string): Promise<Environment | null> {
  return live.cache.get(liveKey(conn, region, "beanstalk", "environment", application, name), TTL_MS, async () => {
    const found = await describeEnvironments(conn, region, application, [name]);
    return found.find((e) => e.name === name) ?? null;
  });
}

function reason(error: unknown): { failure: string } {
  return { failure: error instanceof AwsOperationError ? error.message : "AWS did not answer this read." };
}

async function environmentHealth(conn: ConnectionSettings, region: string, name: string): Promise<EnvironmentHealth> {
  const out = await guarded(conn, "elasticbeanstalk", "DescribeEnvironmentHealth", () =>
    client(conn, region).send(new DescribeEnvironmentHealthCommand({ EnvironmentName: name, AttributeNames: ["All"] })),
  );
  const counts = Object.fromEntries(Object.entries(out.InstancesHealth ?? {}).filter(([, v]) => typeof v === "number")) as Record<string, number>;
  return { color: out.Color ?? "Grey", status: out.HealthStatus ?? "Unknown", causes: out.Causes ?? [], counts, refreshedAt: out.RefreshedAt?.toISOString() };
}

function toInstance(i: SingleInstanceHealth): InstanceHealth {
  return {
    id: i.InstanceId ?? "",
    color: i.Color ?? "Grey",
    status: i.HealthStatus ?? "Unknown",
    causes: i.Causes ?? [],
    versionLabel: i.Deployment?.VersionLabel,
    deploymentId: i.Deployment?.DeploymentId,
    deploymentStatus: i.Deployment?.Status,
    az: i.AvailabilityZone,
    instanceType: i.InstanceType,
    launchedAt: i.LaunchedAt?.toISOString(),
  };
}

async function instancesHealth(conn: ConnectionSettings, region: string, name: string): Promise<InstanceHealth[]> {
  return guarded(conn, "elasticbeanstalk", "DescribeInstancesHealth", async () => {
    const out: InstanceHealth[] = [];
    let token: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await client(conn, region).send(new DescribeInstancesHealthCommand({ EnvironmentName: name, AttributeNames: ["All"], NextToken: token }));
      out.push(...(res.InstanceHealthList ?? []).map(toInstance));
      token = res.NextToken;
      if (!token) break;
    }
    return out.sort((a, b) => a.id.localeCompare(b.id));
  });
}

async function recentEvents(conn: ConnectionSettings, region: string, application: string, name: string): Promise<BeanstalkEvent[]> {
  const out = await guarded(conn, "elasticbeanstalk", "DescribeEvents", () =>
    client(conn, region).send(new DescribeEventsCommand({ ApplicationName: application, EnvironmentName: name, MaxRecords: EVENTS_SHOWN })),
  );
  return (out.Events ?? []).map((e) => ({ at: e.EventDate?.toISOString() ?? "", severity: e.Severity ?? "INFO", message: e.Message ?? "", versionLabel: e.VersionLabel || undefined }));
}

async function loadView(conn: ConnectionSettings, region: string, application: string, name: string): Promise<EnvironmentView> {
  const found = await describeEnvironments(conn, region, application, [name]);
  const environment = found.find((e) => e.name === name) ?? null;
  if (!environment) return { environment: null, health: { failure: "The environment is gone." }, instances: [], events: [] };
  // Health reads need enhanced health and a launched environment; a refusal shows in its panel only.
  const [health, instances, events] = await Promise.all([
    environmentHealth(conn, region, name).catch(reason),
    instancesHealth(conn, region, name).catch(reason),
    recentEvents(conn, region, application, name).catch(reason),
  ]);
  return { environment, health, instances, events };
}

export function environmentViewKey(conn: ConnectionSettings, region: string, application: string, name: string): string {
  return liveKey(conn, region, "beanstalk", "view", application, name);
}

/** The environment page's whole read: shared by the render and the live watcher (same key). */
export function environmentView(conn: ConnectionSettings, region: string, application: string, name: string, ttlMs = TTL_MS): Promise<EnvironmentView> {
  return live.cache.get(environmentViewKey(conn, region, application, name), ttlMs, () => loadView(conn, region, application, name));
}

export function listVersions(conn: ConnectionSettings, region: string, application: string): Promise<ApplicationVersion[]> {
  return live.cache.get(liveKey(conn, region, "beanstalk", "versions", application), TTL_MS, async () => {
    const out = await guarded(conn, "elasticbeanstalk", "DescribeApplicationVersions", () =>
      client(conn, region).send(new DescribeApplicationVersionsCommand({ ApplicationName: application, MaxRecords: 100 })),
    );
    return (out.ApplicationVersions ?? [])
      .map((v) => ({
        label: v.VersionLabel ?? "",
        status: v.Status ?? "",
        createdAt: v.DateCreated?.toISOString(),
        description: v.Description || undefined,
        bundle: v.SourceBundle?.S3Bucket ? `s3://${v.SourceBundle.S3Bucket}/${v.SourceBundle.S3Key ?? ""}` : undefined,
      }))
      .sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""));
  });
}

export function listSolutionStacks(conn: ConnectionSettings, region: string): Promise<string[]> {
  return live.cache.get(liveKey(conn, region, "beanstalk", "solution-stacks"), 60_000, async () => {
    const out = await guarded(conn, "elasticbeanstalk", "ListAvailableSolutionStacks", () => client(conn, region).send(new ListAvailableSolutionStacksCommand({})));
    return out.SolutionStacks ?? [];
  });
}

/** Whether `<prefix>.<region>.elasticbeanstalk.com` is free: a read, asked as the person types. */
export function checkDns(conn: ConnectionSettings, region: string, prefix: string): Promise<{ available: boolean; cname?: string }> {
  return live.cache.get(liveKey(conn, region, "beanstalk", "dns", prefix), TTL_MS, async () => {
    const out = await guarded(conn, "elasticbeanstalk", "CheckDNSAvailability", () => client(conn, region).send(new CheckDNSAvailabilityCommand({ CNAMEPrefix: prefix })));
    return { available: Boolean(out.Available), cname: out.FullyQualifiedCNAME };
  });
}

/** Whether an instance profile of this name exists (IAM is global: read in us-east-1, keyed under GLOBAL_REGION). */
export function instanceProfileExists(conn: ConnectionSettings, name: string): Promise<boolean> {
  return live.cache.get(liveKey(conn, GLOBAL_REGION, "iam", "instance-profile", name), TTL_MS, async () => {
    try {
      await awsClient(conn, "us-east-1", "iam").send(new GetInstanceProfileCommand({ InstanceProfileName: name }));
      return true;
    } catch (error) {
      if ((error as { name?: string }).name === "NoSuchEntityException" || (error as { name?: string }).name === "NoSuchEntity") return false;
      throw mapAwsError(error, { service: "iam", operation: "GetInstanceProfile", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
    }
  });
}

/** The environment page's watcher: one poller per environment for every viewer, every 3 s. */
export function environmentViewSource(conn: ConnectionSettings, region: string, application: string, name: string): WatchSource<EnvironmentView> {
  return { intervalMs: 3000, poll: () => environmentView(conn, region, application, name, 2000) };
}
