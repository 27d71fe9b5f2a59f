import "server-only";
import { DescribeRegistryCommand, DescribeRepositoriesCommand, paginateDescribeImageScanFindings, paginateDescribeImages, paginateDescribeRepositories, type ImageDetail, type Repository } from "@aws-sdk/client-ecr";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { guarded } from "@/lib/core/aws/guarded";
import { live, liveKey } from "@/lib/core/live/shared";
import { SEVERITIES } from "./severity";

const rank = (severity: string) => SEVERITIES.indexOf(severity as (typeof SEVERITIES)[number]);

export type RepositorySummary = {
  name: string;
  arn: string;
  uri: string;
  registryId: string;
  createdAt: string | null;
  tagMutability: string;
  exclusionFilters: string[];
  scanOnPush: boolean;
  encryption: string;
  kmsKey: string | null;
};

export type RepositoryRow = RepositorySummary & { imageCount: number; totalSize: number };

export type ImageRow = {
  digest: string;
  tags: string[];
  pushedAt: string | null;
  size: number | null;
  lastPulledAt: string | null;
  scanStatus: string | null;
  findings: Record<string, number>;
};

// Page renders within this window share one read; a change through Portside clears it at once
// (changedThroughPortside), a push from outside shows on the next load after it.
const TTL_MS = 2_000;
// Image counts of many repositories: a few DescribeImages walks at a time, not all at once.
const COUNT_CONCURRENCY = 4;

function toSummary(r: Repository): RepositorySummary {
  return {
    name: r.repositoryName ?? "",
    arn: r.repositoryArn ?? "",
    uri: r.repositoryUri ?? "",
    registryId: r.registryId ?? "",
    createdAt: r.createdAt ? r.createdAt.toISOString() : null,
    tagMutability: r.imageTagMutability ?? "MUTABLE",
    exclusionFilters: (r.imageTagMutabilityExclusionFilters ?? []).map((f) => f.filter ?? "").filter(Boolean),
    scanOnPush: Boolean(r.imageScanningConfiguration?.scanOnPush),
    encryption: r.encryptionConfiguration?.encryptionType ?? "AES256",
    kmsKey: r.encryptionConfiguration?.kmsKey ?? null,
  };
}

function toImage(i: ImageDetail): ImageRow {
  return {
    digest: i.imageDigest ?? "",
    tags: i.imageTags ?? [],
    pushedAt: i.imagePushedAt ? i.imagePushedAt.toISOString() : null,
    size: i.imageSizeInBytes ?? null,
    lastPulledAt: i.lastRecordedPullTime ? i.lastRecordedPullTime.toISOString() : null,
    scanStatus: i.imageScanStatus?.status ?? null,
    findings: Object.fromEntries(Object.entries(i.imageScanFindingsSummary?.findingSeverityCounts ?? {}).filter(([, n]) => typeof n === "number")) as Record<string, number>,
  };
}

async function describeRepositories(conn: ConnectionSettings, region: string): Promise<RepositorySummary[]> {
  const client = awsClient(conn, region, "ecr");
  return guarded(conn, "ecr", "DescribeRepositories", async () => {
    const all: RepositorySummary[] = [];
    // 1,000 per page is the API maximum.
    for await (const page of paginateDescribeRepositories({ client, pageSize: 1000 }, {})) all.push(...(page.repositories ?? []).map(toSummary));
    return all.sort((a, b) => a.name.localeCompare(b.name));
  });
}

async function describeImages(conn: ConnectionSettings, region: string, name: string): Promise<ImageRow[]> {
  const client = awsClient(conn, region, "ecr");
  return guarded(conn, "ecr", "DescribeImages", async () => {
    const all: ImageRow[] = [];
    for await (const page of paginateDescribeImages({ client, pageSize: 1000 }, { repositoryName: name })) all.push(...(page.imageDetails ?? []).map(toImage));
    // Newest first, as the console lists them.
    return all.sort((a, b) => (b.pushedAt ?? "").localeCompare(a.pushedAt ?? ""));
  });
}

/** One repository's images, newest first, shared by every page rendering it within a few seconds. */
export function listImages(conn: ConnectionSettings, region: string, name: string): Promise<ImageRow[]> {
  return live.cache.get(liveKey(conn, region, "ecr", "images", name), TTL_MS, () => describeImages(conn, region, name));
}

/** The region's private repositories, without reading their images. */
export function listRepositorySummaries(conn: ConnectionSettings, region: string): Promise<RepositorySummary[]> {
  return live.cache.get(liveKey(conn, region, "ecr", "repositories"), TTL_MS, () => describeRepositories(conn, region));
}

/** Private repositories with their image count and total size (one DescribeImages walk each). */
export function listRepositories(conn: ConnectionSettings, region: string): Promise<RepositoryRow[]> {
  return live.cache.get(liveKey(conn, region, "ecr", "repository-rows"), TTL_MS, async () => {
    const repositories = await listRepositorySummaries(conn, region);
    const rows: RepositoryRow[] = [];
    for (let i = 0; i < repositories.length; i += COUNT_CONCURRENCY) {
      const batch = repositories.slice(i, i + COUNT_CONCURRENCY);
      const images = await Promise.all(batch.map((r) => listImages(conn, region, r.name)));
      batch.forEach((r, j) => rows.push({ ...r, imageCount: images[j]!.length, totalSize: images[j]!.reduce((sum, img) => sum + (img.size ?? 0), 0) }));
    }
    return rows;
  });
}

/** One repository, or null when there is none by that name. */
export function getRepository(conn: ConnectionSettings, region: string, name: string): Promise<RepositorySummary | null> {
  return live.cache.get(liveKey(conn, region, "ecr", "repository", name), TTL_MS, async () => {
    const client = awsClient(conn, region, "ecr");
    try {
      const out = await client.send(new DescribeRepositoriesCommand({ repositoryNames: [name] }));
      const repo = out.repositories?.[0];
      return repo ? toSummary(repo) : null;
    } catch (error) {
      if ((error as { name?: string }).name === "RepositoryNotFoundException") return null;
      return guarded(conn, "ecr", "DescribeRepositories", () => Promise.reject(error));
    }
  });
}

/** The account's private registry id (the account), for the registry host shown before any repository exists. */
export function getRegistryId(conn: ConnectionSettings, region: string): Promise<string> {
  // The registry of a connection never changes: read it once an hour at most.
  return live.cache.get(liveKey(conn, region, "ecr", "registry"), 3_600_000, async () => {
    const out = await guarded(conn, "ecr", "DescribeRegistry", () => awsClient(conn, region, "ecr").send(new DescribeRegistryCommand({})));
    return out.registryId ?? "";
  });
}

export type Finding = { name: string; severity: string; packageName: string; packageVersion: string; fixedIn: string; uri: string; description: string };
export type ImageFindings = { completedAt: string | null; counts: Record<string, number>; findings: Finding[]; truncated: boolean };

// An image rarely has more; past this the page says the list is cut.
const MAX_FINDINGS = 5_000;

/** One image's last scan: findings worst first, or null when it was never scanned. */
export function getImageFindings(conn: ConnectionSettings, region: string, name: string, digest: string): Promise<ImageFindings | null> {
  return live.cache.get(liveKey(conn, region, "ecr", "findings", name, digest), TTL_MS, async () => {
    const client = awsClient(conn, region, "ecr");
    const findings: Finding[] = [];
    let completedAt: string | null = null;
    let counts: Record<string, number> = {};
    try {
      for await (const page of paginateDescribeImageScanFindings({ client, pageSize: 1000 }, { repositoryName: name, imageId: { imageDigest: digest } })) {
        const scan = page.imageScanFindings;
        completedAt = scan?.imageScanCompletedAt?.toISOString() ?? completedAt;
        counts = (scan?.findingSeverityCounts as Record<string, number> | undefined) ?? counts;
        for (const f of scan?.findings ?? []) {
          const attr = (key: string) => f.attributes?.find((a) => a.key === key)?.value ?? "";
          findings.push({ name: f.name ?? "", severity: f.severity ?? "UNDEFINED", packageName: attr("package_name"), packageVersion: attr("package_version"), fixedIn: attr("fixed_in_version"), uri: f.uri ?? "", description: f.description ?? "" });
        }
        if (findings.length >= MAX_FINDINGS) break;
      }
    } catch (error) {
      if ((error as { name?: string }).name === "ScanNotFoundException") return null;
      return guarded(conn, "ecr", "DescribeImageScanFindings", () => Promise.reject(error));
    }
    findings.sort((a, b) => rank(a.severity) - rank(b.severity) || a.name.localeCompare(b.name));
    return { completedAt, counts, findings: findings.slice(0, MAX_FINDINGS), truncated: findings.length >= MAX_FINDINGS };
  });
}
