import "server-only";
import { DescribeImagesCommand, GetRepositoryCatalogDataCommand, paginateDescribeRepositories } from "@aws-sdk/client-ecr-public";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { mapLimit } from "@/lib/core/aws/batches";
import { guarded } from "@/lib/core/aws/guarded";
import { live, liveKey } from "@/lib/core/live/shared";
import { PUBLIC_REGION } from "./schema";

export type PublicRepository = {
  name: string;
  uri: string;
  arn: string;
  createdAt: string | null;
  description: string;
  architectures: string[];
  operatingSystems: string[];
  imageCount: number;
};

// Catalog data and image counts are one call each per repository: a few at a time.
const CONCURRENCY = 4;
const TTL_MS = 2_000;

async function describe(conn: ConnectionSettings): Promise<PublicRepository[]> {
  const client = awsClient(conn, PUBLIC_REGION, "ecrpublic");
  const repos = await guarded(conn, "ecrpublic", "DescribeRepositories", async () => {
    const all = [];
    for await (const page of paginateDescribeRepositories({ client, pageSize: 1000 }, {})) all.push(...(page.repositories ?? []));
    return all;
  });
  const rows = await mapLimit(repos, CONCURRENCY, async (r) => {
    const name = r.repositoryName ?? "";
    const [catalog, images] = await Promise.all([
      guarded(conn, "ecrpublic", "GetRepositoryCatalogData", () => client.send(new GetRepositoryCatalogDataCommand({ repositoryName: name }))),
      guarded(conn, "ecrpublic", "DescribeImages", () => client.send(new DescribeImagesCommand({ repositoryName: name, maxResults: 1000 }))),
    ]);
    const c = catalog.catalogData ?? {};
    return {
      name,
      uri: r.repositoryUri ?? "",
      arn: r.repositoryArn ?? "",
      createdAt: r.createdAt?.toISOString() ?? null,
      description: c.description ?? "",
      architectures: c.architectures ?? [],
      operatingSystems: c.operatingSystems ?? [],
      imageCount: images.imageDetails?.length ?? 0,
    };
  });
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** The account's ECR Public repositories with their catalog summary (always read in us-east-1). */
export function listPublicRepositories(conn: ConnectionSettings): Promise<PublicRepository[]> {
  return live.cache.get(liveKey(conn, PUBLIC_REGION, "ecr-public", "repositories"), TTL_MS, () => describe(conn));
}
