import "server-only";
import { GetRepositoryPolicyCommand } from "@aws-sdk/client-ecr";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { guarded } from "@/lib/core/aws/guarded";
import { live, liveKey } from "@/lib/core/live/shared";

/** The repository's policy text, pretty-printed, or null when it has none. */
export function getRepositoryPolicy(conn: ConnectionSettings, region: string, name: string): Promise<string | null> {
  return live.cache.get(liveKey(conn, region, "ecr", "repository-policy", name), 2_000, async () => {
    try {
      const text = (await awsClient(conn, region, "ecr").send(new GetRepositoryPolicyCommand({ repositoryName: name }))).policyText ?? null;
      if (!text) return null;
      try {
        return JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        return text;
      }
    } catch (error) {
      if ((error as { name?: string }).name === "RepositoryPolicyNotFoundException") return null;
      return guarded(conn, "ecr", "GetRepositoryPolicy", () => Promise.reject(error));
    }
  });
}
