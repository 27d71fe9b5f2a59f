import "server-only";
import { sharedReader } from "@/lib/core/live/shared-read";
import {
  DescribeAddonCommand,
  DescribeClusterCommand,
  DescribeFargateProfileCommand,
  DescribeNodegroupCommand,
  DescribeUpdateCommand,
  paginateDescribeAddonVersions,
  paginateListAddons,
  paginateListFargateProfiles,
  paginateListNodegroups,
  paginateListUpdates,
  type Addon,
  type FargateProfile,
  type Nodegroup,
  type Update,
} from "@aws-sdk/client-eks";
import { DescribeSubnetsCommand } from "@aws-sdk/client-ec2";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { guarded } from "@/lib/core/aws/guarded";
import { plural } from "@/lib/core/format/plural";

/** What the node group, Fargate profile and add-on pages need to know of their cluster. */
export type EksClusterBasics = { name: string; status: string; version: string; vpcId: string; subnetIds: string[] };

export type NodegroupSummary = {
  name: string;
  arn: string;
  status: string;
  version: string;
  releaseVersion: string;
  amiType: string;
  capacityType: string;
  instanceTypes: string[];
  diskSize: number | null;
  scaling: { minSize: number; maxSize: number; desiredSize: number };
  maxUnavailable: string;
  labels: { key: string; value: string }[];
  taints: { key: string; value: string; effect: string }[];
  subnets: string[];
  nodeRole: string;
  health: { code: string; message: string }[];
  createdAt: Date | null;
};

export type FargateProfileSummary = {
  name: string;
  arn: string;
  status: string;
  podExecutionRoleArn: string;
  subnets: string[];
  selectors: { namespace: string; labels: { key: string; value: string }[] }[];
  createdAt: Date | null;
};

export type AddonSummary = {
  name: string;
  version: string;
  status: string;
  health: { code: string; message: string }[];
  serviceAccountRoleArn: string;
  createdAt: Date | null;
};

export type AvailableAddon = {
  name: string;
  type: string;
  publisher: string;
  /** Versions that run on the cluster's Kubernetes version, newest first. */
  versions: { version: string; isDefault: boolean; requiresIamPermissions: boolean }[];
};

export type UpdateSummary = {
  id: string;
  type: string;
  status: string;
  params: { type: string; value: string }[];
  errors: string[];
  createdAt: Date | null;
};

const isNotFound = (error: unknown) => (error as { name?: string }).name === "ResourceNotFoundException";
const pairs = (m?: Record<string, string>) => Object.entries(m ?? {}).map(([key, value]) => ({ key, value }));

/** The cluster's name, status, version and VPC; null when there is no such cluster. */
async function getEksClusterBasicsFromAws(conn: ConnectionSettings, region: string, name: string): Promise<EksClusterBasics | null> {
  const client = awsClient(conn, region, "eks");
  const cluster = await guarded(conn, "eks", "DescribeCluster", async () => {
    try {
      return (await client.send(new DescribeClusterCommand({ name }))).cluster ?? null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  });
  if (!cluster) return null;
  const subnetIds = cluster.resourcesVpcConfig?.subnetIds ?? [];
  let vpcId = cluster.resourcesVpcConfig?.vpcId ?? "";
  if (!vpcId && subnetIds.length) {
    // Some endpoints leave vpcId out; the cluster's subnets name it.
    const ec2 = awsClient(conn, region, "ec2");
    const out = await guarded(conn, "eks", "DescribeSubnets", () => ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnetIds.slice(0, 1) })));
    vpcId = out.Subnets?.[0]?.VpcId ?? "";
  }
  return { name: cluster.name ?? name, status: cluster.status ?? "UNKNOWN", version: cluster.version ?? "", vpcId, subnetIds };
}

function toNodegroup(n: Nodegroup): NodegroupSummary {
  const u = n.updateConfig;
  return {
    name: n.nodegroupName ?? "",
    arn: n.nodegroupArn ?? "",
    status: n.status ?? "UNKNOWN",
    version: n.version ?? "",
    releaseVersion: n.releaseVersion ?? "",
    amiType: n.amiType ?? "",
    capacityType: n.capacityType ?? "ON_DEMAND",
    instanceTypes: n.instanceTypes ?? [],
    diskSize: n.diskSize ?? null,
    scaling: { minSize: n.scalingConfig?.minSize ?? 0, maxSize: n.scalingConfig?.maxSize ?? 0, desiredSize: n.scalingConfig?.desiredSize ?? 0 },
    maxUnavailable: u?.maxUnavailablePercentage ? `${u.maxUnavailablePercentage}%` : plural(u?.maxUnavailable ?? 1, "node"),
    labels: pairs(n.labels),
    taints: (n.taints ?? []).map((t) => ({ key: t.key ?? "", value: t.value ?? "", effect: t.effect ?? "" })),
    subnets: n.subnets ?? [],
    nodeRole: n.nodeRole ?? "",
    health: (n.health?.issues ?? []).map((i) => ({ code: i.code ?? "", message: i.message ?? "" })),
    createdAt: n.createdAt ?? null,
  };
}

/** One node group; null when it does not exist. */
async function getNodegroupFromAws(conn: ConnectionSettings, region: string, clusterName: string, nodegroupName: string): Promise<NodegroupSummary | null> {
  const client = awsClient(conn, region, "eks");
  return guarded(conn, "eks", "DescribeNodegroup", async () => {
    try {
      const out = await client.send(new DescribeNodegroupCommand({ clusterName, nodegroupName }));
      return out.nodegroup ? toNodegroup(out.nodegroup) : null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  });
}

/** Every node group of a cluster (listed 100 per page, the API maximum), described in parallel. */
async function listNodegroupsFromAws(conn: ConnectionSettings, region: string, clusterName: string): Promise<NodegroupSummary[]> {
  const client = awsClient(conn, region, "eks");
  const names = await guarded(conn, "eks", "ListNodegroups", async () => {
    const all: string[] = [];
    for await (const page of paginateListNodegroups({ client, pageSize: 100 }, { clusterName })) all.push(...(page.nodegroups ?? []));
    return all;
  });
  const groups = await Promise.all(names.map((n) => getNodegroup(conn, region, clusterName, n)));
  return groups.filter((g): g is NodegroupSummary => g !== null).sort((a, b) => a.name.localeCompare(b.name));
}

function toProfile(f: FargateProfile): FargateProfileSummary {
  return {
    name: f.fargateProfileName ?? "",
    arn: f.fargateProfileArn ?? "",
    status: f.status ?? "UNKNOWN",
    podExecutionRoleArn: f.podExecutionRoleArn ?? "",
    subnets: f.subnets ?? [],
    selectors: (f.selectors ?? []).map((s) => ({ namespace: s.namespace ?? "", labels: pairs(s.labels) })),
    createdAt: f.createdAt ?? null,
  };
}

async function listFargateProfilesFromAws(conn: ConnectionSettings, region: string, clusterName: string): Promise<FargateProfileSummary[]> {
  const client = awsClient(conn, region, "eks");
  const names = await guarded(conn, "eks", "ListFargateProfiles", async () => {
    const all: string[] = [];
    for await (const page of paginateListFargateProfiles({ client, pageSize: 100 }, { clusterName })) all.push(...(page.fargateProfileNames ?? []));
    return all;
  });
  const profiles = await Promise.all(
    names.map((fargateProfileName) =>
      guarded(conn, "eks", "DescribeFargateProfile", async () => {
        try {
          const out = await client.send(new DescribeFargateProfileCommand({ clusterName, fargateProfileName }));
          return out.fargateProfile ? toProfile(out.fargateProfile) : null;
        } catch (error) {
          if (isNotFound(error)) return null;
          throw error;
        }
      }),
    ),
  );
  return profiles.filter((p): p is FargateProfileSummary => p !== null).sort((a, b) => a.name.localeCompare(b.name));
}

function toAddon(a: Addon): AddonSummary {
  return {
    name: a.addonName ?? "",
    version: a.addonVersion ?? "",
    status: a.status ?? "UNKNOWN",
    health: (a.health?.issues ?? []).map((i) => ({ code: i.code ?? "", message: i.message ?? "" })),
    serviceAccountRoleArn: a.serviceAccountRoleArn ?? "",
    createdAt: a.createdAt ?? null,
  };
}

async function getAddonFromAws(conn: ConnectionSettings, region: string, clusterName: string, addonName: string): Promise<AddonSummary | null> {
  const client = awsClient(conn, region, "eks");
  return guarded(conn, "eks", "DescribeAddon", async () => {
    try {
      const out = await client.send(new DescribeAddonCommand({ clusterName, addonName }));
      return out.addon ? toAddon(out.addon) : null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  });
}

async function listAddonsFromAws(conn: ConnectionSettings, region: string, clusterName: string): Promise<AddonSummary[]> {
  const client = awsClient(conn, region, "eks");
  const names = await guarded(conn, "eks", "ListAddons", async () => {
    const all: string[] = [];
    for await (const page of paginateListAddons({ client, pageSize: 100 }, { clusterName })) all.push(...(page.addons ?? []));
    return all;
  });
  const addons = await Promise.all(names.map((n) => getAddon(conn, region, clusterName, n)));
  return addons.filter((a): a is AddonSummary => a !== null).sort((a, b) => a.name.localeCompare(b.name));
}

/** Add-ons offered for a Kubernetes version, each with only the versions compatible with it. */
async function listAvailableAddonsFromAws(conn: ConnectionSettings, region: string, kubernetesVersion: string): Promise<AvailableAddon[]> {
  const client = awsClient(conn, region, "eks");
  return guarded(conn, "eks", "DescribeAddonVersions", async () => {
    const out: AvailableAddon[] = [];
    for await (const page of paginateDescribeAddonVersions({ client, pageSize: 100 }, { kubernetesVersion })) {
      for (const a of page.addons ?? []) {
        const versions = (a.addonVersions ?? [])
          .map((v) => {
            const compat = (v.compatibilities ?? []).find((c) => c.clusterVersion === kubernetesVersion);
            return compat ? { version: v.addonVersion ?? "", isDefault: Boolean(compat.defaultVersion), requiresIamPermissions: Boolean(v.requiresIamPermissions) } : null;
          })
          .filter((v): v is NonNullable<typeof v> => v !== null);
        if (versions.length) out.push({ name: a.addonName ?? "", type: a.type ?? "", publisher: a.publisher ?? a.owner ?? "", versions });
      }
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  });
}

function toUpdate(u: Update): UpdateSummary {
  return {
    id: u.id ?? "",
    type: u.type ?? "",
    status: u.status ?? "",
    params: (u.params ?? []).map((p) => ({ type: p.type ?? "", value: p.value ?? "" })),
    errors: (u.errors ?? []).map((e) => e.errorMessage ?? e.errorCode ?? ""),
    createdAt: u.createdAt ?? null,
  };
}

/** The update history of a node group or an add-on (ListUpdates then DescribeUpdate), newest first. */
async function listUpdatesFromAws(
  conn: ConnectionSettings,
  region: string,
  clusterName: string,
  of: { nodegroupName?: string; addonName?: string },
  limit = 20,
): Promise<UpdateSummary[]> {
  const client = awsClient(conn, region, "eks");
  const ids = await guarded(conn, "eks", "ListUpdates", async () => {
    const all: string[] = [];
    for await (const page of paginateListUpdates({ client, pageSize: 100 }, { name: clusterName, ...of })) all.push(...(page.updateIds ?? []));
    return all;
  });
  const updates = await Promise.all(
    ids.slice(-limit).map((updateId) =>
      guarded(conn, "eks", "DescribeUpdate", async () => (await client.send(new DescribeUpdateCommand({ name: clusterName, updateId, ...of }))).update),
    ),
  );
  return updates
    .filter((u): u is Update => Boolean(u))
    .map(toUpdate)
    .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
}

// Shared by every caller for a moment (see lib/core/live/shared-read.ts): many people browsing cost AWS one read.
export const getEksClusterBasics = sharedReader("eks:getEksClusterBasics", getEksClusterBasicsFromAws);
export const getNodegroup = sharedReader("eks:getNodegroup", getNodegroupFromAws);
export const listNodegroups = sharedReader("eks:listNodegroups", listNodegroupsFromAws);
export const listFargateProfiles = sharedReader("eks:listFargateProfiles", listFargateProfilesFromAws);
export const getAddon = sharedReader("eks:getAddon", getAddonFromAws);
export const listAddons = sharedReader("eks:listAddons", listAddonsFromAws);
export const listAvailableAddons = sharedReader("eks:listAvailableAddons", listAvailableAddonsFromAws);
export const listUpdates = sharedReader("eks:listUpdates", listUpdatesFromAws);
