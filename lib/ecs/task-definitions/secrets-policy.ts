import type { ContainerInput } from "@/lib/ecs/task-definitions/schema";
import { allows, type PolicyDocument, type Statement } from "@/lib/iam/policy-diff";
import type { RoleFacts } from "@/lib/iam/role-check";
import type { PlanStep } from "@/lib/core/plans/types";

/** The execution role's inline policy that lets ECS read the task definition's Secrets Manager secrets. */
export const SECRETS_POLICY_NAME = "portside-read-secrets";
const READ = "secretsmanager:GetSecretValue";

/**
 * The Secrets Manager secrets the containers name, as the secret's own ARN: a valueFrom may add
 * `:json-key:version-stage:version-id`, which IAM does not see (the resource is the secret).
 * SSM parameters are not secrets here. Sorted, each once.
 */
export function secretArnsOf(containers: Pick<ContainerInput, "secrets">[]): string[] {
  const arns = containers.flatMap((c) => c.secrets.map((s) => s.valueFrom))
    .filter((v) => /^arn:aws[a-z-]*:secretsmanager:/.test(v))
    .map((v) => v.split(":").slice(0, 7).join(":"));
  return [...new Set(arns)].sort();
}

export function secretsPolicy(arns: string[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: READ, Resource: arns }] });
}

const resourcesOf = (doc: PolicyDocument | undefined): string[] =>
  (doc?.Statement ?? []).flatMap((s: Statement) => (s.Action === READ || (Array.isArray(s.Action) && s.Action.includes(READ)) ? [s.Resource ?? []].flat() : []));

/**
 * The PutRolePolicy step that lets the execution role read the secrets (`key` "readSecrets").
 * A role the plan creates gets a policy naming exactly these ARNs (undo: DeleteRolePolicy). A
 * picked role that already allows every one gets no step; otherwise its `portside-read-secrets`
 * is written with these ARNs added to the ones it named before (so earlier revisions still start),
 * and the undo puts the previous document back, or deletes a policy that was not there.
 */
export function readSecretsStep(opts: { roleName: string; arns: string[]; role: RoleFacts | null; after?: string }): PlanStep | null {
  const { roleName, arns, role } = opts;
  if (arns.length === 0) return null;
  if (role && arns.every((arn) => allows(role.statements, { action: READ, resource: arn }))) return null;
  const current = role?.inline[SECRETS_POLICY_NAME];
  const resources = [...new Set([...resourcesOf(current), ...arns])];
  return {
    key: "readSecrets",
    service: "iam",
    operation: "PutRolePolicy",
    description: `Allow ${roleName} ${READ} on ${arns.length === 1 ? "the task definition's secret" : `the task definition's ${arns.length} secrets`} (inline policy ${SECRETS_POLICY_NAME})`,
    ...(opts.after ? { dependsOn: [opts.after] } : {}),
    input: { RoleName: roleName, PolicyName: SECRETS_POLICY_NAME, PolicyDocument: secretsPolicy(resources) },
    inverse: current
      ? { service: "iam", operation: "PutRolePolicy", description: `Put back the previous ${SECRETS_POLICY_NAME} of ${roleName}`, input: { RoleName: roleName, PolicyName: SECRETS_POLICY_NAME, PolicyDocument: JSON.stringify(current) } }
      : { service: "iam", operation: "DeleteRolePolicy", description: `Remove ${SECRETS_POLICY_NAME} from ${roleName}`, input: { RoleName: roleName, PolicyName: SECRETS_POLICY_NAME } },
  };
}
