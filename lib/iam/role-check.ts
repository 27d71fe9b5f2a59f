import { allows, describeNeed, missingNeeds, widenPolicy, type Need, type PolicyDocument, type Statement } from "./policy-diff";
import type { Plan, PlanStep } from "../core/plans/types";

/** What the action read of a reused role (lib/iam/reads getRolePermissions), in plain JSON. */
export type RoleFacts = {
  name: string;
  /** Portside created it (its standard name): the plan may widen it. Otherwise it only warns. */
  managed: boolean;
  inline: Record<string, PolicyDocument>;
  attachedArns: string[];
  statements: Statement[];
};

export type RoleFix = { steps: PlanStep[]; warnings: string[] };

const lacks = (role: string, missing: Need[], use: string) =>
  `Role ${role} lacks ${missing.map(describeNeed).join("; ")}: ${use} will be denied by AWS until the role allows it.`;

/**
 * A reused role checked against an inline policy it needs. When something is missing from a role
 * Portside manages, one PutRolePolicy step rewrites `policyName` with the statements of `wanted`
 * that cover it appended (its inverse puts the previous document back, or deletes a policy that
 * was not there); a role Portside did not create is left alone and named in a warning.
 */
export function widenInlinePolicy(opts: {
  key: string;
  role: RoleFacts;
  policyName: string;
  needs: Need[];
  wanted: Statement[];
  use: string;
}): RoleFix {
  const { key, role, policyName } = opts;
  const missing = missingNeeds(role.statements, opts.needs);
  if (missing.length === 0) return { steps: [], warnings: [] };
  if (!role.managed) return { steps: [], warnings: [lacks(role.name, missing, opts.use)] };
  const added = opts.wanted.filter((s) => missing.some((n) => allows([s], n)));
  const current = role.inline[policyName] ?? null;
  return {
    warnings: [],
    steps: [
      {
        key,
        service: "iam",
        operation: "PutRolePolicy",
        description: `Widen ${policyName} of ${role.name}: allow ${missing.map(describeNeed).join("; ")}`,
        input: { RoleName: role.name, PolicyName: policyName, PolicyDocument: widenPolicy(current, added) },
        inverse: current
          ? { service: "iam", operation: "PutRolePolicy", description: `Put back the previous ${policyName} of ${role.name}`, input: { RoleName: role.name, PolicyName: policyName, PolicyDocument: JSON.stringify(current) } }
          : { service: "iam", operation: "DeleteRolePolicy", description: `Remove ${policyName} from ${role.name}`, input: { RoleName: role.name, PolicyName: policyName } },
      },
    ],
  };
}

/**
 * A reused role checked against an AWS managed policy it needs. A role Portside manages without
 * the policy gets an AttachRolePolicy step; another role is checked against `needs` (the policy's
 * key actions) and named in a warning when its own policies do not allow them.
 */
export function attachMissingPolicy(opts: { key: string; role: RoleFacts; policyArn: string; needs: Need[]; use: string }): RoleFix {
  const { key, role, policyArn } = opts;
  if (role.attachedArns.includes(policyArn)) return { steps: [], warnings: [] };
  const missing = missingNeeds(role.statements, opts.needs);
  if (!role.managed) return { steps: [], warnings: missing.length ? [lacks(role.name, missing, opts.use)] : [] };
  const policy = policyArn.split("/").pop();
  return {
    warnings: [],
    steps: [
      {
        key,
        service: "iam",
        operation: "AttachRolePolicy",
        description: `Attach ${policy} to ${role.name}, which lacks it`,
        input: { RoleName: role.name, PolicyArn: policyArn },
        inverse: { service: "iam", operation: "DetachRolePolicy", description: `Detach ${policy} from ${role.name}`, input: { RoleName: role.name, PolicyArn: policyArn } },
      },
    ],
  };
}

/**
 * A plan with a role fix applied: the fix's steps first (every step that depended on nothing now
 * waits for them, so the role is widened before anything uses it) and its warnings on the plan.
 */
export function applyRoleFix(plan: Plan, fix: RoleFix): Plan {
  if (!fix.steps.length && !fix.warnings.length) return plan;
  const keys = fix.steps.map((s) => s.key);
  const warnings = [...(plan.warnings ?? []), ...fix.warnings];
  return {
    ...plan,
    steps: [...fix.steps, ...plan.steps.map((s) => (s.dependsOn?.length || !keys.length ? s : { ...s, dependsOn: keys }))],
    ...(warnings.length ? { warnings } : {}),
  };
}

/** Several fixes as one, in order. */
export const joinFixes = (...fixes: RoleFix[]): RoleFix => ({ steps: fixes.flatMap((f) => f.steps), warnings: fixes.flatMap((f) => f.warnings) });
