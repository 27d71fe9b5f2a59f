import "server-only";
import {
  DescribeAddonCommand,
  DescribeClusterCommand,
  DescribeClusterVersionsCommand,
  DescribeFargateProfileCommand,
  DescribeNodegroupCommand,
  DescribeUpdateCommand,
  paginateListAddons,
  paginateListClusters,
  paginateListFargateProfiles,
  paginateListNodegroups,
  paginateListUpdates,
  type Cluster,
} from "@aws-sdk/client-eks";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { mapAwsError } from "@/lib/core/aws/errors";
import { guarded } from "@/lib/core/aws/guarded";
import { live, liveKey } from "@/lib/core/live/shared";
import type { VersionSupportInfo } from "@/lib/eks/clusters/version-support";

export type EksCluster = {
  name: string;
  arn: string;
  status: string;
  version: string;
  platformVersion: string;
  endpoint: string;
  certificateAuthority: string;
  oidcIssuer: string;
  roleArn: string;
  /** STANDARD or EXTENDED: what happens when the version's standard support ends. */
  supportType: string;
  createdAt: Date | null;
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
  clusterSecurityGroupId: string;
  endpointPublicAccess: boolean;
  endpointPrivateAccess: boolean;
  publicAccessCidrs: string[];
  logTypes: string[];
  kmsKeyArn: string;
  tags: Record<string, string>;
};

/** What lives in a cluster, by name and status; the teardown plan deletes the node groups and Fargate profiles first. */
export type EksMember = { name: string; status: string; detail?: string };
export type EksUpdate = { id: string; type: string; status: string; createdAt: Date | null; params: { type: string; value: string }[]; errors: string[] };
export type EksClusterContents = { nodegroups: EksMember[]; fargateProfiles: EksMember[]; addons: EksMember[]; updates: EksUpdate[] };

/** A version EKS offers, with its support calendar (dates as ISO strings, for the browser too). */
export type KubernetesVersion = VersionSupportInfo & { isDefault: boolean };

/**
 * Used only when DescribeClusterVersions does not answer (older endpoints, stand-ins):
 * the versions under EKS standard support when this list was written, newest first.
 */
export const FALLBACK_KUBERNETES_VERSIONS = ["1.35", "1.34", "1.33"];

// ListClusters and friends: the API maximum page size is 100.
const PAGE = 100;

const isNotFound = (error: unknown) => (error as { name?: string }).name === "ResourceNotFoundException";

function toCluster(c: Cluster): EksCluster {
  const vpc = c.resourcesVpcConfig ?? {};
  return {
    name: c.name ?? "",
    arn: c.arn ?? "",
    status: c.status ?? "UNKNOWN",
    version: c.version ?? "",
    platformVersion: c.platformVersion ?? "",
    endpoint: c.endpoint ?? "",
    certificateAuthority: c.certificateAuthority?.data ?? "",
    oidcIssuer: c.identity?.oidc?.issuer ?? "",
    roleArn: c.roleArn ?? "",
    supportType: c.upgradePolicy?.supportType ?? "",
    createdAt: c.createdAt ?? null,
    vpcId: vpc.vpcId ?? "",
    subnetIds: vpc.subnetIds ?? [],
    securityGroupIds: vpc.securityGroupIds ?? [],
    clusterSecurityGroupId: vpc.clusterSecurityGroupId ?? "",
    endpointPublicAccess: vpc.endpointPublicAccess ?? false,
    endpointPrivateAccess: vpc.endpointPrivateAccess ?? false,
    publicAccessCidrs: vpc.publicAccessCidrs ?? [],
    logTypes: (c.logging?.clusterLogging ?? []).filter((l) => l.enabled).flatMap((l) => l.types ?? []),
    kmsKeyArn: c.encryptionConfig?.[0]?.provider?.keyArn ?? "",
    tags: c.tags ?? {},
  };
}

/** "Public", "Private" or "Public and private", as the console labels endpoint access. */
export function endpointAccessLabel(c: Pick<EksCluster, "endpointPublicAccess" | "endpointPrivateAccess">): string {
  if (c.endpointPublicAccess && c.endpointPrivateAccess) return "Public and private";
  return c.endpointPublicAccess ? "Public" : "Private";
}

/** One cluster by name; null when it does not exist. */
export async function getEksCluster(conn: ConnectionSettings, region: string, name: string): Promise<EksCluster | null> {
  const client = awsClient(conn, region, "eks");
  try {
    const out = await client.send(new DescribeClusterCommand({ name }));
    return out.cluster ? toCluster(out.cluster) : null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw mapAwsError(error, { service: "eks", operation: "DescribeCluster", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
}

/** Every cluster in the region, described (EKS has no batch describe; a few at a time). */
export async function listEksClusters(conn: ConnectionSettings, region: string): Promise<EksCluster[]> {
  const client = awsClient(conn, region, "eks");
  const names = await guarded(conn, "eks", "ListClusters", async () => {
    const all: string[] = [];
    for await (const page of paginateListClusters({ client, pageSize: PAGE }, {})) all.push(...(page.clusters ?? []));
    return all;
  });
  const out: EksCluster[] = [];
  for (let i = 0; i < names.length; i += 5) {
    const batch = await Promise.all(names.slice(i, i + 5).map((n) => getEksCluster(conn, region, n)));
    out.push(...batch.filter((c): c is EksCluster => c !== null));
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

// The support calendar changes a few times a year: one read per connection and region every 10 minutes.
const VERSIONS_TTL_MS = 10 * 60_000;

async function describeClusterVersions(conn: ConnectionSettings, region: string): Promise<KubernetesVersion[]> {
  const client = awsClient(conn, region, "eks");
  return guarded(conn, "eks", "DescribeClusterVersions", async () => {
    const versions: KubernetesVersion[] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(new DescribeClusterVersionsCommand({ nextToken }));
      for (const v of page.clusterVersions ?? []) {
        if (!v.clusterVersion) continue;
        versions.push({
          version: v.clusterVersion,
          isDefault: Boolean(v.defaultVersion),
          status: v.versionStatus ?? "",
          endOfStandardSupport: v.endOfStandardSupportDate?.toISOString() ?? null,
          endOfExtendedSupport: v.endOfExtendedSupportDate?.toISOString() ?? null,
        });
      }
      nextToken = page.nextToken;
    } while (nextToken);
    return versions;
  });
}

/**
 * Kubernetes versions EKS offers, newest first, with their support dates, from
 * DescribeClusterVersions (shared by every page for a while); `fromAws` is false when the fallback
 * list was used.
 */
export async function listKubernetesVersions(conn: ConnectionSettings, region: string): Promise<{ versions: KubernetesVersion[]; fromAws: boolean }> {
  try {
    const versions = await live.cache.get(liveKey(conn, region, "eks", "cluster-versions"), VERSIONS_TTL_MS, () => describeClusterVersions(conn, region));
    if (versions.length > 0) return { versions: sortVersions(versions), fromAws: true };
  } catch {
    // Fall through: the wizard still works with the documented list and says so.
  }
  return {
    versions: FALLBACK_KUBERNETES_VERSIONS.map((version, i) => ({ version, isDefault: i === 0, status: "", endOfStandardSupport: null, endOfExtendedSupport: null })),
    fromAws: false,
  };
}

const minor = (v: string) => v.split(".").map(Number);
export function sortVersions<T extends { version: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => {
    const [am = 0, an = 0] = minor(a.version);
    const [bm = 0, bn = 0] = minor(b.version);
    return bm - am || bn - an;
  });
}

async function listAll<P>(pages: AsyncIterable<P>, pick: (page: P) => string[] | undefined): Promise<string[]> {
  const out: string[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
}

/**
 * Node groups, Fargate profiles, add-ons (each with its status) and the latest
 * updates of one cluster: what the cluster page lists and the teardown plan needs.
 */
export async function getEksClusterContents(conn: ConnectionSettings, region: string, name: string, updateLimit = 10): Promise<EksClusterContents> {
  const client = awsClient(conn, region, "eks");
  const cfg = { client, pageSize: PAGE };
  const [ngNames, fpNames, addonNames, updateIds] = await Promise.all([
    guarded(conn, "eks", "ListNodegroups", () => listAll(paginateListNodegroups(cfg, { clusterName: name }), (p) => p.nodegroups)),
    guarded(conn, "eks", "ListFargateProfiles", () => listAll(paginateListFargateProfiles(cfg, { clusterName: name }), (p) => p.fargateProfileNames)),
    guarded(conn, "eks", "ListAddons", () => listAll(paginateListAddons(cfg, { clusterName: name }), (p) => p.addons)),
    guarded(conn, "eks", "ListUpdates", () => listAll(paginateListUpdates(cfg, { name }), (p) => p.updateIds)),
  ]);
  // A member deleted between the list and the describe is simply left out.
  const orNull = async <T>(operation: string, fn: () => Promise<T>) => {
    try {
      return await fn();
    } catch (error) {
      if (isNotFound(error)) return null;
      throw mapAwsError(error, { service: "eks", operation, connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
    }
  };
  // ListUpdates answers newest first; the page shows the latest few.
  const [nodegroups, fargateProfiles, addons, updates] = await Promise.all([
    Promise.all(ngNames.map((n) => orNull("DescribeNodegroup", async () => {
      const ng = (await client.send(new DescribeNodegroupCommand({ clusterName: name, nodegroupName: n }))).nodegroup;
      const s = ng?.scalingConfig;
      return { name: n, status: ng?.status ?? "UNKNOWN", detail: s ? `${s.desiredSize ?? 0} desired (${s.minSize ?? 0}–${s.maxSize ?? 0})` : undefined };
    }))),
    Promise.all(fpNames.map((n) => orNull("DescribeFargateProfile", async () => {
      const fp = (await client.send(new DescribeFargateProfileCommand({ clusterName: name, fargateProfileName: n }))).fargateProfile;
      return { name: n, status: fp?.status ?? "UNKNOWN", detail: fp?.selectors?.map((s) => s.namespace).filter(Boolean).join(", ") || undefined };
    }))),
    Promise.all(addonNames.map((n) => orNull("DescribeAddon", async () => {
      const a = (await client.send(new DescribeAddonCommand({ clusterName: name, addonName: n }))).addon;
      return { name: n, status: a?.status ?? "UNKNOWN", detail: a?.addonVersion };
    }))),
    Promise.all(updateIds.slice(0, updateLimit).map((id) => orNull("DescribeUpdate", async () => {
      const u = (await client.send(new DescribeUpdateCommand({ name, updateId: id }))).update;
      return {
        id,
        type: u?.type ?? "",
        status: u?.status ?? "UNKNOWN",
        createdAt: u?.createdAt ?? null,
        params: (u?.params ?? []).map((p) => ({ type: p.type ?? "", value: p.value ?? "" })),
        errors: (u?.errors ?? []).map((e) => e.errorMessage ?? e.errorCode ?? "").filter(Boolean),
      };
    }))),
  ]);
  const present = <T>(xs: (T | null)[]) => xs.filter((x): x is T => x !== null);
  return {
    nodegroups: present(nodegroups),
    fargateProfiles: present(fargateProfiles),
    addons: present(addons),
    updates: present(updates).sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0)),
  };
}
