import "server-only";
import {
  DescribeInstanceAttributeCommand,
  DescribeInstanceStatusCommand,
  DescribeKeyPairsCommand,
  GetConsoleOutputCommand,
  paginateDescribeInstances,
  type Filter,
  type Instance,
} from "@aws-sdk/client-ec2";
import { GetMetricStatisticsCommand } from "@aws-sdk/client-cloudwatch";
import { GetCommandInvocationCommand, GetParameterCommand, ListCommandsCommand } from "@aws-sdk/client-ssm";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { guarded } from "@/lib/core/aws/guarded";
import { live, liveKey } from "@/lib/core/live/shared";
import { tailLogGroup, type LogTail } from "@/lib/ecs/logs/reads";
import { decodeConsoleOutput, type ConsoleText } from "./console";
import { envHash } from "./env-hash";
import { AL2023_PARAMETERS, type Architecture } from "./instance-types";
import { TAG } from "./names";
import { lastReplacement } from "./replaced";
import { parseRunLine, type ParsedContainer } from "./run-line";

export type HostStatus = { system: string; instance: string };

export type Host = {
  instanceId: string;
  name: string;
  state: string;
  instanceType: string;
  architecture: string;
  imageId: string;
  launchTime?: string;
  az: string;
  vpcId: string;
  subnetId: string;
  publicIp?: string;
  privateIp?: string;
  publicDns?: string;
  privateDns?: string;
  keyName?: string;
  securityGroups: { id: string; name: string }[];
  tags: Record<string, string>;
  /** Launched by Portside's wizard (tagged portside:managed). */
  managed: boolean;
  /** The container per the host's tags, for the list (the detail reads its user data too). */
  image?: string;
  hostPort?: number;
  containerPort?: number;
  logGroup?: string;
  /** http://<public DNS or IP>:<host port> when the host has an address and a published port. */
  url?: string;
  status: HostStatus;
};

const TTL_MS = 3000;

function urlOf(address: string | undefined, port: number | undefined): string | undefined {
  if (!address || !port) return undefined;
  return `http://${address}${port === 80 ? "" : `:${port}`}`;
}

function toHost(i: Instance, status: HostStatus | undefined): Host {
  const tags = Object.fromEntries((i.Tags ?? []).map((t) => [t.Key ?? "", t.Value ?? ""]));
  const [hostPort, containerPort] = (tags[TAG.ports] ?? "").split(":").map((p) => Number(p) || undefined);
  const publicDns = i.PublicDnsName || undefined;
  const publicIp = i.PublicIpAddress || undefined;
  const privateIp = i.PrivateIpAddress || undefined;
  const running = i.State?.Name === "running";
  return {
    instanceId: i.InstanceId ?? "",
    name: tags.Name ?? tags[TAG.host] ?? i.InstanceId ?? "",
    state: i.State?.Name ?? "unknown",
    instanceType: i.InstanceType ?? "",
    architecture: i.Architecture ?? "",
    imageId: i.ImageId ?? "",
    launchTime: i.LaunchTime?.toISOString(),
    az: i.Placement?.AvailabilityZone ?? "",
    vpcId: i.VpcId ?? "",
    subnetId: i.SubnetId ?? "",
    publicIp,
    privateIp,
    publicDns,
    privateDns: i.PrivateDnsName || undefined,
    keyName: i.KeyName || undefined,
    // The instance's groups are its primary interface's; read them there when the instance's own list is empty.
    securityGroups: (i.SecurityGroups?.length ? i.SecurityGroups : (i.NetworkInterfaces?.find((n) => n.Attachment?.DeviceIndex === 0) ?? i.NetworkInterfaces?.[0])?.Groups ?? []).map((g) => ({
      id: g.GroupId ?? "",
      name: g.GroupName ?? "",
    })),
    tags,
    managed: tags[TAG.managed] === "true",
    image: tags[TAG.image],
    hostPort,
    containerPort,
    logGroup: tags[TAG.logGroup],
    url: running ? urlOf(publicDns ?? publicIp ?? privateIp, hostPort) : undefined,
    status: status ?? { system: running ? "initializing" : "—", instance: running ? "initializing" : "—" },
  };
}

async function describe(conn: ConnectionSettings, region: string, filters: Filter[], instanceIds?: string[]): Promise<Instance[]> {
  const client = awsClient(conn, region, "ec2");
  return guarded(conn, "ec2", "DescribeInstances", async () => {
    const out: Instance[] = [];
    const pages = paginateDescribeInstances({ client, pageSize: instanceIds ? undefined : 1000 }, { Filters: filters.length ? filters : undefined, InstanceIds: instanceIds });
    for await (const page of pages) for (const r of page.Reservations ?? []) out.push(...(r.Instances ?? []));
    return out;
  });
}

async function statuses(conn: ConnectionSettings, region: string, ids: string[]): Promise<Map<string, HostStatus>> {
  const map = new Map<string, HostStatus>();
  if (!ids.length) return map;
  const client = awsClient(conn, region, "ec2");
  await guarded(conn, "ec2", "DescribeInstanceStatus", async () => {
    // DescribeInstanceStatus takes up to 100 ids a call.
    for (let i = 0; i < ids.length; i += 100) {
      const out = await client.send(new DescribeInstanceStatusCommand({ InstanceIds: ids.slice(i, i + 100), IncludeAllInstances: true }));
      for (const s of out.InstanceStatuses ?? []) {
        map.set(s.InstanceId ?? "", { system: s.SystemStatus?.Status ?? "—", instance: s.InstanceStatus?.Status ?? "—" });
      }
    }
  });
  return map;
}

const STATES = ["pending", "running", "stopping", "stopped", "shutting-down", "terminated"];

async function loadHosts(conn: ConnectionSettings, region: string, tagKey: string, tagValue: string): Promise<Host[]> {
  const state = { Name: "instance-state-name", Values: STATES };
  const userTag: Filter | null = tagKey ? (tagValue ? { Name: `tag:${tagKey}`, Values: [tagValue] } : { Name: "tag-key", Values: [tagKey] }) : null;
  const [managed, tagged] = await Promise.all([
    describe(conn, region, [{ Name: "tag-key", Values: [TAG.managed] }, state]),
    userTag ? describe(conn, region, [userTag, state]) : Promise.resolve([]),
  ]);
  const byId = new Map<string, Instance>();
  for (const i of [...managed, ...tagged]) byId.set(i.InstanceId ?? "", i);
  const ids = [...byId.keys()];
  const status = await statuses(conn, region, ids.filter((id) => byId.get(id)?.State?.Name === "running"));
  return [...byId.values()].map((i) => toHost(i, status.get(i.InstanceId ?? ""))).sort((a, b) => (b.launchTime ?? "").localeCompare(a.launchTime ?? ""));
}

/** Portside's hosts (tagged portside:managed) and any instance with the tag the person names. */
export function listHosts(conn: ConnectionSettings, region: string, filter: { tagKey: string; tagValue: string }): Promise<Host[]> {
  return live.cache.get(liveKey(conn, region, "ec2", "hosts", filter.tagKey, filter.tagValue), TTL_MS, () => loadHosts(conn, region, filter.tagKey, filter.tagValue));
}

/** What Replace container last changed, from the history: who, when, the run, and what the first boot ran. */
export type HostReplaced = { by: string; at: string; runId: string; bootImage: string };

export type HostDetail = Host & {
  userData: string;
  container: ParsedContainer | null;
  replaced: HostReplaced | null;
  /** The instance's env-hash tag differs from what Portside recorded: changed outside Portside. */
  envDrift: boolean;
};

async function loadHost(conn: ConnectionSettings, region: string, instanceId: string): Promise<HostDetail | null> {
  let found: Instance[];
  try {
    found = await describe(conn, region, [], [instanceId]);
  } catch (error) {
    if ((error as { code?: string }).code === "InvalidInstanceID.NotFound" || /InvalidInstanceID/.test(String((error as Error).message))) return null;
    throw error;
  }
  const instance = found[0];
  if (!instance) return null;
  const client = awsClient(conn, region, "ec2");
  const [status, attribute] = await Promise.all([
    statuses(conn, region, instance.State?.Name === "running" ? [instanceId] : []),
    guarded(conn, "ec2", "DescribeInstanceAttribute", () => client.send(new DescribeInstanceAttributeCommand({ InstanceId: instanceId, Attribute: "userData" }))),
  ]);
  const raw = attribute.UserData?.Value ?? "";
  // EC2 user data is at most 16 KB; anything longer is not Portside's and is not read.
  const userData = raw.length <= 32 * 1024 ? Buffer.from(raw, "base64").toString("utf8") : "";
  const host = toHost(instance, status.get(instanceId));
  const boot = parseRunLine(userData);
  // The user data keeps what the first boot ran; Replace container's runs in the history say what
  // runs now, as long as the instance's image tag still agrees with the newest of them.
  const replacement = boot && host.managed ? await lastReplacement(conn.id, region, instanceId) : null;
  if (boot && replacement && replacement.image === host.image) {
    const container = { ...boot, image: replacement.image, environment: replacement.environment, restartPolicy: replacement.restartPolicy as ParsedContainer["restartPolicy"] };
    const envDrift = Boolean(host.tags[TAG.envHash]) && host.tags[TAG.envHash] !== envHash(replacement.environment);
    return { ...host, userData, container, replaced: { by: replacement.by, at: replacement.at, runId: replacement.runId, bootImage: boot.image }, envDrift };
  }
  const container = boot && host.image ? { ...boot, image: host.image } : boot;
  const envDrift = Boolean(boot && host.tags[TAG.envHash]) && host.tags[TAG.envHash] !== envHash(boot!.environment);
  return { ...host, userData, container, replaced: null, envDrift };
}

/** One host; `maxAgeMs` is how old an answer the caller accepts (a page behind a live view takes older). */
export function getHost(conn: ConnectionSettings, region: string, instanceId: string, maxAgeMs = TTL_MS): Promise<HostDetail | null> {
  return live.cache.get(liveKey(conn, region, "ec2", "host", instanceId), maxAgeMs, () => loadHost(conn, region, instanceId));
}

/** The AMI the public Amazon Linux 2023 parameter names now, for the architecture. */
export function latestAl2023Ami(conn: ConnectionSettings, region: string, architecture: Architecture): Promise<string> {
  const name = AL2023_PARAMETERS[architecture];
  return live.cache.get(liveKey(conn, region, "ssm", "parameter", name), 10 * 60_000, () =>
    guarded(conn, "ssm", "GetParameter", async () => {
      const out = await awsClient(conn, region, "ssm").send(new GetParameterCommand({ Name: name }));
      return out.Parameter?.Value ?? "";
    }),
  );
}

export function listKeyPairs(conn: ConnectionSettings, region: string): Promise<string[]> {
  return live.cache.get(liveKey(conn, region, "ec2", "key-pairs"), 30_000, () =>
    guarded(conn, "ec2", "DescribeKeyPairs", async () => {
      const out = await awsClient(conn, region, "ec2").send(new DescribeKeyPairsCommand({}));
      return (out.KeyPairs ?? []).map((k) => k.KeyName ?? "").filter(Boolean).sort();
    }),
  );
}

export function hostConsoleOutput(conn: ConnectionSettings, region: string, instanceId: string): Promise<ConsoleText> {
  return live.cache.get(liveKey(conn, region, "ec2", "console-output", instanceId), 10_000, () =>
    guarded(conn, "ec2", "GetConsoleOutput", async () => {
      const out = await awsClient(conn, region, "ec2").send(new GetConsoleOutputCommand({ InstanceId: instanceId, Latest: true }));
      return decodeConsoleOutput(out.Output);
    }),
  );
}

export type CpuPoint = { at: string; average: number; maximum: number };

/** AWS/EC2 CPUUtilization of the last 3 hours in 5-minute periods (basic monitoring's). */
export function hostCpu(conn: ConnectionSettings, region: string, instanceId: string, now = Date.now()): Promise<CpuPoint[]> {
  return live.cache.get(liveKey(conn, region, "cloudwatch", "ec2-cpu", instanceId), 60_000, () =>
    guarded(conn, "cloudwatch", "GetMetricStatistics", async () => {
      const out = await awsClient(conn, region, "cloudwatch").send(
        new GetMetricStatisticsCommand({
          Namespace: "AWS/EC2",
          MetricName: "CPUUtilization",
          Dimensions: [{ Name: "InstanceId", Value: instanceId }],
          StartTime: new Date(now - 3 * 3600_000),
          EndTime: new Date(now),
          Period: 300,
          Statistics: ["Average", "Maximum"],
        }),
      );
      return (out.Datapoints ?? [])
        .map((d) => ({ at: d.Timestamp?.toISOString() ?? "", average: d.Average ?? 0, maximum: d.Maximum ?? 0 }))
        .sort((a, b) => a.at.localeCompare(b.at));
    }),
  );
}

export function hostLogs(conn: ConnectionSettings, region: string, logGroup: string): Promise<LogTail> {
  return live.cache.get(liveKey(conn, region, "logs", "host-tail", logGroup), TTL_MS, () => tailLogGroup(conn, region, logGroup, { limit: 100 }));
}

export type CommandRun = { commandId: string; comment: string; requestedAt?: string; status: string; output: string; error: string };

const OUTPUT_MAX = 24_000;

/** The newest Run Command sent to the instance, with its output (what Replace container printed). */
export function lastCommand(conn: ConnectionSettings, region: string, instanceId: string): Promise<CommandRun | null> {
  return live.cache.get(liveKey(conn, region, "ssm", "last-command", instanceId), TTL_MS, () =>
    guarded(conn, "ssm", "ListCommands", async () => {
      const client = awsClient(conn, region, "ssm");
      const list = await client.send(new ListCommandsCommand({ InstanceId: instanceId, MaxResults: 10 }));
      const newest = [...(list.Commands ?? [])].sort((a, b) => (b.RequestedDateTime?.getTime() ?? 0) - (a.RequestedDateTime?.getTime() ?? 0))[0];
      if (!newest?.CommandId) return null;
      const inv = await client.send(new GetCommandInvocationCommand({ CommandId: newest.CommandId, InstanceId: instanceId }));
      return {
        commandId: newest.CommandId,
        comment: newest.Comment ?? "",
        requestedAt: newest.RequestedDateTime?.toISOString(),
        status: inv.Status ?? newest.Status ?? "Unknown",
        output: (inv.StandardOutputContent ?? "").slice(-OUTPUT_MAX),
        error: (inv.StandardErrorContent ?? "").slice(-OUTPUT_MAX),
      };
    }),
  );
}
