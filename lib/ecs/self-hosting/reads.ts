import "server-only";
import { paginateListSecrets } from "@aws-sdk/client-secrets-manager";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { guarded } from "@/lib/core/aws/guarded";
import { live, liveKey } from "@/lib/core/live/shared";

export type SecretOption = { name: string; arn: string };

// A picker, not an inventory: the first 500 secrets by name are plenty; the ARN field takes any other.
const MAX_SECRETS = 500;

/** The region's Secrets Manager secrets (names and ARNs only: values are never read). */
export function listSecrets(conn: ConnectionSettings, region: string): Promise<SecretOption[]> {
  return live.cache.get(liveKey(conn, region, "secretsmanager", "secrets"), 30_000, () =>
    guarded(conn, "secretsmanager", "ListSecrets", async () => {
      const out: SecretOption[] = [];
      for await (const page of paginateListSecrets({ client: awsClient(conn, region, "secretsmanager") }, { MaxResults: 100 })) {
        for (const s of page.SecretList ?? []) if (s.Name && s.ARN) out.push({ name: s.Name, arn: s.ARN });
        if (out.length >= MAX_SECRETS) break;
      }
      return out.slice(0, MAX_SECRETS).sort((a, b) => a.name.localeCompare(b.name));
    }),
  );
}
