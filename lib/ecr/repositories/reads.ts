import "server-only";
import { DescribeRegistryCommand, DescribeRepositoriesCommand, paginateDescribeImages, paginateDescribeRepositories, type ImageDetail, type Repository } from "@aws-sdk/client-ecr";
import { awsClient, type ConnectionSettings } from "../../core/aws/clients";
import { guarded } from "../../core/aws/guarded";
import { live, liveKey } from "../../core/live/shared";

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
