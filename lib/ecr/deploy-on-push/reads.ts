import "server-only";
import { DescribeImagesCommand } from "@aws-sdk/client-ecr";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { guarded } from "@/lib/core/aws/guarded";
import { live, liveKey } from "@/lib/core/live/shared";
import type { PushedImage } from "./detect";

/**
 * One page of DescribeImages (its maximum, 1,000) of tagged images is what a poll reads: a push
 * between two polls is always among a repository's newest thousand, and a repository with more
 * images costs no more calls per poll.
 */
export const POLL_PAGE_SIZE = 1000;

async function describeTagged(conn: ConnectionSettings, region: string, repository: string): Promise<PushedImage[]> {
  const out = await guarded(conn, "ecr", "DescribeImages", () =>
    awsClient(conn, region, "ecr").send(new DescribeImagesCommand({ repositoryName: repository, filter: { tagStatus: "TAGGED" }, maxResults: POLL_PAGE_SIZE })),
  );
  return (out.imageDetails ?? [])
    .filter((i) => i.imageDigest && i.imagePushedAt && i.imageTags?.length)
    .map((i) => ({ digest: i.imageDigest!, tags: i.imageTags!, pushedAt: i.imagePushedAt! }))
    .sort((a, b) => b.pushedAt.getTime() - a.pushedAt.getTime());
}

/** A repository's tagged images, newest first, as deploy-on-push reads them; shared within `ttlMs`. */
export function newestImages(conn: ConnectionSettings, region: string, repository: string, ttlMs = 1_000): Promise<PushedImage[]> {
  return live.cache.get(liveKey(conn, region, "ecr", "deploy-on-push", repository), ttlMs, () => describeTagged(conn, region, repository));
}

/** The watch key of a repository's poller: one per (connection, region, repository), whatever the number of rules. */
export function repositoryWatchKey(conn: ConnectionSettings, region: string, repository: string): string {
  return liveKey(conn, region, "ecr", "deploy-on-push-watch", repository);
}
