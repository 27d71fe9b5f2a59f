import "server-only";
import { sharedReader } from "@/lib/core/live/shared-read";
import {
  DescribeAutoScalingConfigurationCommand,
  DescribeServiceCommand,
  ListOperationsCommand,
  paginateListAutoScalingConfigurations,
  paginateListServices,
  type AutoScalingConfiguration,
  type Service,
} from "@aws-sdk/client-apprunner";
import { awsClient, type ConnectionSettings } from "../core/aws/clients";
import { guarded } from "../core/aws/guarded";
import { mapLimit } from "../core/aws/batches";

export type AppRunnerServiceSummary = {
  name: string;
  id: string;
  arn: string;
  status: string;
  url: string | null;
  image: string | null;
  updatedAt: string | null;
};

export type AppRunnerScaling = {
  arn: string;
  name: string;
  revision: number | null;
  minSize: number | null;
  maxSize: number | null;
  maxConcurrency: number | null;
};

export type AppRunnerHealthCheck = {
  protocol: string;
  path: string | null;
  interval: number | null;
  timeout: number | null;
  healthyThreshold: number | null;
  unhealthyThreshold: number | null;
};

export type AppRunnerServiceDetail = AppRunnerServiceSummary & {
  createdAt: string | null;
  imageRepositoryType: string | null;
  port: string | null;
  environment: { name: string; value: string }[];
  autoDeployments: boolean;
  accessRoleArn: string | null;
  cpu: string | null;
  memory: string | null;
  instanceRoleArn: string | null;
  healthCheck: AppRunnerHealthCheck | null;
  scaling: AppRunnerScaling | null;
};

export type AppRunnerOperation = {
  id: string;
  type: string;
  status: string;
  startedAt: string | null;
  endedAt: string | null;
};

export type ScalingConfigurationOption = {
  arn: string;
  name: string;
  revision: number;
  minSize: number | null;
  maxSize: number | null;
  maxConcurrency: number | null;
  isDefault: boolean;
};

// ListServices and ListOperations return at most 20 per page; DescribeService takes one ARN.
const PAGE_MAX = 20;
// DescribeService has no batch form: a bounded number in flight keeps a long list from tripping throttling.
const DESCRIBE_CONCURRENCY = 5;

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

function toDetail(s: Service, scaling: AutoScalingConfiguration | null): AppRunnerServiceDetail {
  const repo = s.SourceConfiguration?.ImageRepository;
  const hc = s.HealthCheckConfiguration;
  const summary = s.AutoScalingConfigurationSummary;
  return {
    name: s.ServiceName ?? "",
    id: s.ServiceId ?? "",
    arn: s.ServiceArn ?? "",
    status: s.Status ?? "UNKNOWN",
    url: s.ServiceUrl ?? null,
    image: repo?.ImageIdentifier ?? s.SourceConfiguration?.CodeRepository?.RepositoryUrl ?? null,
    updatedAt: iso(s.UpdatedAt),
    createdAt: iso(s.CreatedAt),
    imageRepositoryType: repo?.ImageRepositoryType ?? null,
    port: repo?.ImageConfiguration?.Port ?? null,
    environment: Object.entries(repo?.ImageConfiguration?.RuntimeEnvironmentVariables ?? {}).map(([name, value]) => ({ name, value })),
    autoDeployments: s.SourceConfiguration?.AutoDeploymentsEnabled ?? false,
    accessRoleArn: s.SourceConfiguration?.AuthenticationConfiguration?.AccessRoleArn ?? null,
    cpu: s.InstanceConfiguration?.Cpu ?? null,
    memory: s.InstanceConfiguration?.Memory ?? null,
    instanceRoleArn: s.InstanceConfiguration?.InstanceRoleArn ?? null,
    healthCheck: hc
      ? {
          protocol: hc.Protocol ?? "TCP",
          path: hc.Path ?? null,
          interval: hc.Interval ?? null,
          timeout: hc.Timeout ?? null,
          healthyThreshold: hc.HealthyThreshold ?? null,
          unhealthyThreshold: hc.UnhealthyThreshold ?? null,
        }
      : null,
    scaling: summary?.AutoScalingConfigurationArn
      ? {
          arn: summary.AutoScalingConfigurationArn,
          name: summary.AutoScalingConfigurationName ?? "",
          revision: summary.AutoScalingConfigurationRevision ?? null,
          minSize: scaling?.MinSize ?? null,
          maxSize: scaling?.MaxSize ?? null,
          maxConcurrency: scaling?.MaxConcurrency ?? null,
        }
      : null,
  };
}

async function describeService(conn: ConnectionSettings, region: string, arn: string): Promise<Service | null> {
  const client = awsClient(conn, region, "apprunner");
  const out = await guarded(conn, "apprunner", "DescribeService", () => client.send(new DescribeServiceCommand({ ServiceArn: arn })));
  return out.Service ?? null;
}

/** Every App Runner service in the region (deleted ones left out), with its source image. */
async function listAppRunnerServicesFromAws(conn: ConnectionSettings, region: string): Promise<AppRunnerServiceSummary[]> {
  const client = awsClient(conn, region, "apprunner");
  const summaries = await guarded(conn, "apprunner", "ListServices", async () => {
    const all = [];
    for await (const page of paginateListServices({ client, pageSize: PAGE_MAX }, {})) all.push(...(page.ServiceSummaryList ?? []));
    return all;
  });
  const live = summaries.filter((s) => s.ServiceArn && s.Status !== "DELETED");
  const described = await mapLimit(live, DESCRIBE_CONCURRENCY, (s) => describeService(conn, region, s.ServiceArn!));
  return described
    .filter((s): s is Service => s !== null && s.Status !== "DELETED")
    .map((s) => {
      const { name, id, arn, status, url, image, updatedAt } = toDetail(s, null);
      return { name, id, arn, status, url, image, updatedAt };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * One service by name, with its auto scaling configuration's sizes (DescribeService
 * only names the configuration). Null when no live service has that name.
 */
async function getAppRunnerServiceFromAws(conn: ConnectionSettings, region: string, name: string): Promise<AppRunnerServiceDetail | null> {
  const client = awsClient(conn, region, "apprunner");
  const arn = await guarded(conn, "apprunner", "ListServices", async () => {
    for await (const page of paginateListServices({ client, pageSize: PAGE_MAX }, {})) {
      const hit = page.ServiceSummaryList?.find((s) => s.ServiceName === name && s.Status !== "DELETED");
      if (hit?.ServiceArn) return hit.ServiceArn;
    }
    return null;
  });
  if (!arn) return null;
  const service = await describeService(conn, region, arn);
  if (!service || service.Status === "DELETED") return null;
  const scalingArn = service.AutoScalingConfigurationSummary?.AutoScalingConfigurationArn;
  const scaling = scalingArn ? await describeScaling(conn, region, scalingArn) : null;
  return toDetail(service, scaling);
}

async function describeScaling(conn: ConnectionSettings, region: string, arn: string): Promise<AutoScalingConfiguration | null> {
  const client = awsClient(conn, region, "apprunner");
  const out = await guarded(conn, "apprunner", "DescribeAutoScalingConfiguration", () =>
    client.send(new DescribeAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: arn })),
  );
  return out.AutoScalingConfiguration ?? null;
}

/** The service's most recent operations (create, deploy, pause, …), newest first. */
async function listAppRunnerOperationsFromAws(conn: ConnectionSettings, region: string, serviceArn: string): Promise<AppRunnerOperation[]> {
  const client = awsClient(conn, region, "apprunner");
  const out = await guarded(conn, "apprunner", "ListOperations", () => client.send(new ListOperationsCommand({ ServiceArn: serviceArn, MaxResults: PAGE_MAX })));
  return (out.OperationSummaryList ?? [])
    .map((o) => ({ id: o.Id ?? "", type: o.Type ?? "", status: o.Status ?? "", startedAt: iso(o.StartedAt), endedAt: iso(o.EndedAt) }))
    .sort((a, b) => (b.startedAt ?? "").localeCompare(a.startedAt ?? ""));
}

/** The latest active revision of each auto scaling configuration, for the wizard's picker. */
async function listScalingConfigurationsFromAws(conn: ConnectionSettings, region: string): Promise<ScalingConfigurationOption[]> {
  const client = awsClient(conn, region, "apprunner");
  const summaries = await guarded(conn, "apprunner", "ListAutoScalingConfigurations", async () => {
    const all = [];
    for await (const page of paginateListAutoScalingConfigurations({ client, pageSize: 100 }, { LatestOnly: true })) {
      all.push(...(page.AutoScalingConfigurationSummaryList ?? []));
    }
    return all;
  });
  const active = summaries.filter((s) => s.AutoScalingConfigurationArn && s.Status !== "INACTIVE");
  const described = await mapLimit(active, DESCRIBE_CONCURRENCY, (s) => describeScaling(conn, region, s.AutoScalingConfigurationArn!));
  return described
    .filter((c): c is AutoScalingConfiguration => c !== null)
    .map((c) => ({
      arn: c.AutoScalingConfigurationArn ?? "",
      name: c.AutoScalingConfigurationName ?? "",
      revision: c.AutoScalingConfigurationRevision ?? 1,
      minSize: c.MinSize ?? null,
      maxSize: c.MaxSize ?? null,
      maxConcurrency: c.MaxConcurrency ?? null,
      isDefault: c.IsDefault ?? false,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

// Shared by every caller for a moment (see lib/core/live/shared-read.ts): many people browsing cost AWS one read.
export const listAppRunnerServices = sharedReader("apprunner:listAppRunnerServices", listAppRunnerServicesFromAws);
export const getAppRunnerService = sharedReader("apprunner:getAppRunnerService", getAppRunnerServiceFromAws);
export const listAppRunnerOperations = sharedReader("apprunner:listAppRunnerOperations", listAppRunnerOperationsFromAws);
export const listScalingConfigurations = sharedReader("apprunner:listScalingConfigurations", listScalingConfigurationsFromAws);
