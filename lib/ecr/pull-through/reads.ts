import "server-only";
import { paginateDescribePullThroughCacheRules } from "@aws-sdk/client-ecr";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { guarded } from "@/lib/core/aws/guarded";
import { live, liveKey } from "@/lib/core/live/shared";

export type PullThroughRule = { prefix: string; upstreamRegistryUrl: string; upstreamRegistry: string | null; credentialArn: string | null; createdAt: string | null };

/** The region's pull-through cache rules, by prefix. */
export function listPullThroughRules(conn: ConnectionSettings, region: string): Promise<PullThroughRule[]> {
  return live.cache.get(liveKey(conn, region, "ecr", "pull-through-rules"), 2_000, () =>
    guarded(conn, "ecr", "DescribePullThroughCacheRules", async () => {
      const client = awsClient(conn, region, "ecr");
      const rules: PullThroughRule[] = [];
      // 1,000 per page is the API maximum.
      for await (const page of paginateDescribePullThroughCacheRules({ client, pageSize: 1000 }, {})) {
        for (const r of page.pullThroughCacheRules ?? []) {
          rules.push({ prefix: r.ecrRepositoryPrefix ?? "", upstreamRegistryUrl: r.upstreamRegistryUrl ?? "", upstreamRegistry: r.upstreamRegistry ?? null, credentialArn: r.credentialArn ?? null, createdAt: r.createdAt?.toISOString() ?? null });
        }
      }
      return rules.sort((a, b) => a.prefix.localeCompare(b.prefix));
    }),
  );
}
