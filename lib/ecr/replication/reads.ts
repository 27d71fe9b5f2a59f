import "server-only";
import { DescribeRegistryCommand } from "@aws-sdk/client-ecr";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { guarded } from "@/lib/core/aws/guarded";
import { live, liveKey } from "@/lib/core/live/shared";

export type ReplicationRule = { destinations: { region: string; registryId: string }[]; filters: { filter: string; filterType: string }[] };
export type Replication = { registryId: string; rules: ReplicationRule[] };

/** The private registry's replication configuration (DescribeRegistry): rules, their destinations and repository filters. */
export function getReplication(conn: ConnectionSettings, region: string): Promise<Replication> {
  return live.cache.get(liveKey(conn, region, "ecr", "replication"), 5_000, async () => {
    const out = await guarded(conn, "ecr", "DescribeRegistry", () => awsClient(conn, region, "ecr").send(new DescribeRegistryCommand({})));
    return {
      registryId: out.registryId ?? "",
      rules: (out.replicationConfiguration?.rules ?? []).map((r) => ({
        destinations: (r.destinations ?? []).map((d) => ({ region: d.region ?? "", registryId: d.registryId ?? "" })),
        filters: (r.repositoryFilters ?? []).map((f) => ({ filter: f.filter ?? "", filterType: f.filterType ?? "PREFIX_MATCH" })),
      })),
    };
  });
}
