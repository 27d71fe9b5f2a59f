import "server-only";
import { sharedGlobalReader } from "@/lib/core/live/shared-read";
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
  paginateListRoles,
  type Role,
} from "@aws-sdk/client-iam";
import { parsePolicy, type PolicyDocument, type Statement } from "@/lib/iam/policy-diff";
import type { RoleFacts } from "@/lib/iam/role-check";
import { awsClient, type ConnectionSettings } from "../core/aws/clients";
import { mapAwsError } from "../core/aws/errors";
import { guarded } from "../core/aws/guarded";

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
async function listRolesTrustingFromAws(conn: ConnectionSettings, principals: string[]): Promise<RoleSummary[]> {
  const client = awsClient(conn, IAM_REGION, "iam");
  return guarded(conn, "iam", "ListRoles", async () => {
    const roles: RoleSummary[] = [];
    for await (const page of paginateListRoles({ client, pageSize: 1000 }, {})) roles.push(...(page.Roles ?? []).map(toRole));
    return roles.filter((r) => r.principals.some((p) => principals.includes(p))).sort((a, b) => a.name.localeCompare(b.name));
  });
}

/** One role by name; null when it does not exist. */
async function getRoleFromAws(conn: ConnectionSettings, name: string): Promise<RoleSummary | null> {
  try {
    const out = await awsClient(conn, IAM_REGION, "iam").send(new GetRoleCommand({ RoleName: name }));
    return out.Role ? toRole(out.Role) : null;
  } catch (error) {
    if ((error as { name?: string }).name === "NoSuchEntityException" || (error as { name?: string }).name === "NoSuchEntity") return null;
    throw mapAwsError(error, { service: "iam", operation: "GetRole", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
}

/** What a role may do: its inline policies by name, its attached managed policies, and every statement of both. */
export type RolePermissions = {
  name: string;
  inline: Record<string, PolicyDocument>;
  attached: { arn: string; document: PolicyDocument | null }[];
  statements: Statement[];
};

/** The role's name from its ARN (roles may sit under a path: arn:…:role/path/name). */
export const roleNameOf = (arn: string) => arn.split("/").pop() ?? arn;

/**
 * Every policy of one role, read to check it against what a plan needs: inline documents
 * (ListRolePolicies, GetRolePolicy) and the default version of each attached managed policy
 * (ListAttachedRolePolicies, GetPolicy, GetPolicyVersion). Null when the role does not exist.
 */
async function getRolePermissionsFromAws(conn: ConnectionSettings, name: string): Promise<RolePermissions | null> {
  if (!(await getRole(conn, name))) return null;
  const client = awsClient(conn, IAM_REGION, "iam");
  const inline: Record<string, PolicyDocument> = {};
  const inlineNames = await guarded(conn, "iam", "ListRolePolicies", async () => {
    const names: string[] = [];
    for await (const page of paginateListRolePolicies({ client }, { RoleName: name })) names.push(...(page.PolicyNames ?? []));
    return names;
  });
  for (const policyName of inlineNames) {
    const out = await guarded(conn, "iam", "GetRolePolicy", () => client.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: policyName })));
    const doc = parsePolicy(out.PolicyDocument);
    if (doc) inline[policyName] = doc;
  }
  const arns = await guarded(conn, "iam", "ListAttachedRolePolicies", async () => {
    const out: string[] = [];
    for await (const page of paginateListAttachedRolePolicies({ client }, { RoleName: name })) out.push(...(page.AttachedPolicies ?? []).map((p) => p.PolicyArn ?? ""));
    return out.filter(Boolean);
  });
  // A managed policy's document only refines the check (its ARN is what a fix looks at): one
  // that cannot be read counts as allowing nothing rather than failing the whole review.
  const attached = await Promise.all(
    arns.map(async (arn) => {
      try {
        const policy = await client.send(new GetPolicyCommand({ PolicyArn: arn }));
        const versionId = policy.Policy?.DefaultVersionId;
        if (!versionId) return { arn, document: null };
        const version = await client.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }));
        return { arn, document: parsePolicy(version.PolicyVersion?.Document) };
      } catch {
        return { arn, document: null };
      }
    }),
  );
  const statements = [...Object.values(inline), ...attached.map((a) => a.document).filter((d): d is PolicyDocument => d !== null)].flatMap((d) => d.Statement);
  return { name, inline, attached, statements };
}

/**
 * A role picked by ARN, read for a plan to check: `managed` when it carries the standard name
 * Portside gives the roles it creates. Null when it does not exist (the plan's own check says so).
 */
async function getRoleFactsFromAws(conn: ConnectionSettings, arn: string, standardName: string): Promise<RoleFacts | null> {
  const name = roleNameOf(arn);
  const permissions = await getRolePermissions(conn, name);
  if (!permissions) return null;
  return { name, managed: name === standardName, inline: permissions.inline, attachedArns: permissions.attached.map((a) => a.arn), statements: permissions.statements };
}

// Shared by every caller for a moment (see lib/core/live/shared-read.ts): many people browsing cost AWS one read.
export const listRolesTrusting = sharedGlobalReader("iam:listRolesTrusting", listRolesTrustingFromAws);
export const getRole = sharedGlobalReader("iam:getRole", getRoleFromAws);
export const getRolePermissions = sharedGlobalReader("iam:getRolePermissions", getRolePermissionsFromAws);
export const getRoleFacts = sharedGlobalReader("iam:getRoleFacts", getRoleFactsFromAws);
