import "server-only";
import { GetRoleCommand, paginateListRoles, type Role } from "@aws-sdk/client-iam";
import { awsClient, type ConnectionSettings } from "./clients";
import { mapAwsError } from "./errors";
import { guarded } from "./guarded";

export type RoleSummary = { name: string; arn: string; principals: string[] };

// IAM is global; its endpoint is signed for us-east-1 whatever region the page shows.
const IAM_REGION = "us-east-1";

/** Service principals a role trusts; ListRoles returns the document URL-encoded. */
export function trustedServices(document: string | undefined): string[] {
  if (!document) return [];
  let parsed: { Statement?: { Effect?: string; Principal?: { Service?: string | string[] } }[] | object };
  try {
    parsed = JSON.parse(document.trim().startsWith("{") ? document : decodeURIComponent(document));
  } catch {
    return [];
  }
  const statements = Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : [];
  return statements
    .filter((s) => (s as { Effect?: string }).Effect !== "Deny")
    .flatMap((s) => {
      const service = (s as { Principal?: { Service?: string | string[] } }).Principal?.Service;
      return Array.isArray(service) ? service : service ? [service] : [];
    });
}

const toRole = (r: Role): RoleSummary => ({ name: r.RoleName ?? "", arn: r.Arn ?? "", principals: trustedServices(r.AssumeRolePolicyDocument) });

/**
 * Roles a picker can offer: those whose trust policy lets one of `principals`
 * assume them (ecs-tasks.amazonaws.com for execution roles, ecs.amazonaws.com for
 * infrastructure roles). Listed 1000 per page, the API maximum.
 */
export async function listRolesTrusting(conn: ConnectionSettings, principals: string[]): Promise<RoleSummary[]> {
  const client = awsClient(conn, IAM_REGION, "iam");
  return guarded(conn, "iam", "ListRoles", async () => {
    const roles: RoleSummary[] = [];
    for await (const page of paginateListRoles({ client, pageSize: 1000 }, {})) roles.push(...(page.Roles ?? []).map(toRole));
    return roles.filter((r) => r.principals.some((p) => principals.includes(p))).sort((a, b) => a.name.localeCompare(b.name));
  });
}

/** One role by name; null when it does not exist. */
export async function getRole(conn: ConnectionSettings, name: string): Promise<RoleSummary | null> {
  try {
    const out = await awsClient(conn, IAM_REGION, "iam").send(new GetRoleCommand({ RoleName: name }));
    return out.Role ? toRole(out.Role) : null;
  } catch (error) {
    if ((error as { name?: string }).name === "NoSuchEntityException" || (error as { name?: string }).name === "NoSuchEntity") return null;
    throw mapAwsError(error, { service: "iam", operation: "GetRole", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
}
