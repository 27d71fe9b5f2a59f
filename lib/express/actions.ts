"use server";

import { redirect } from "next/navigation";
import { getCluster } from "@/lib/ecs/clusters/reads";
import { getExpressService, serviceExists } from "@/lib/express/reads";
import { getRole, getRoleFacts } from "@/lib/iam/reads";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { ConflictError } from "@/lib/core/errors";
import { buildCreateExpressPlan, buildDeleteExpressPlan, buildUpdateExpressPlan } from "@/lib/express/plan";
import { STANDARD_ROLES } from "@/lib/iam/roles";
import { managedRoleFix } from "@/lib/iam/managed-roles";
import { applyRoleFix, joinFixes } from "@/lib/iam/role-check";
import { reviewOf, submitPlan } from "@/lib/core/plans/submit";
import { reviewImageWarnings } from "@/lib/ecr/image-picker/reads";
import { withImageWarnings } from "@/lib/ecr/image-picker/review";
import {
  createExpressSchema,
  deleteExpressSchema,
  updateExpressSchema,
  type CreateExpressInput,
  type UpdateExpressInput,
} from "@/lib/express/schema";
import { defineAction } from "../core/actions/action";
import { reviewedPlan } from "../core/actions/reviewed-plan";
import type { ActionState } from "../core/actions/state";

type Errors = Record<string, string[]>;

async function connectionFor(input: { connectionId: string; region: string }) {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  return conn;
}

/** What AWS would refuse or silently get wrong, checked before the plan is shown or run. */
async function checkCreate(input: CreateExpressInput): Promise<ActionState | null> {
  const conn = await connectionFor(input);
  const errors: Errors = {};
  // Express creates the default cluster when it is missing; any other cluster must exist.
  if (input.cluster !== "default" && !(await getCluster(conn, input.region, input.cluster))) {
    errors.cluster = [`There is no cluster named ${input.cluster} in ${input.region}. Use default, or create the cluster first.`];
  }
  if (input.serviceName && !errors.cluster && (await serviceExists(conn, input.region, input.cluster, input.serviceName))) {
    errors.serviceName = [`A service named ${input.serviceName} already exists in cluster ${input.cluster}.`];
  }
  for (const kind of ["execution", "infrastructure"] as const) {
    if (input[`${kind}RoleMode`] !== "create") continue;
    const name = STANDARD_ROLES[kind].name;
    if (await getRole(conn, name)) errors[`${kind}RoleMode`] = [`A role named ${name} already exists in this account: pick it instead of creating it.`];
  }
  return Object.keys(errors).length ? { ok: false, message: "Check the highlighted fields.", fieldErrors: errors } : null;
}

/** The plan, with each reused role checked for the AWS managed policy its standard role carries (attached, or a warning). */
async function buildCreate(input: CreateExpressInput) {
  const conn = await connectionFor(input);
  const fixes = await Promise.all((["execution", "infrastructure"] as const).map(async (kind) => {
    if (input[`${kind}RoleMode`] !== "existing") return { steps: [], warnings: [] };
    const role = await getRoleFacts(conn, input[`${kind}RoleArn`], STANDARD_ROLES[kind].name);
    const use = kind === "execution" ? "pulling the image and writing logs" : "ECS creating the load balancer, security groups and scaling";
    return managedRoleFix(`${kind}RolePolicy`, role, [STANDARD_ROLES[kind].policyArn], use);
  }));
  return withImageWarnings(applyRoleFix(buildCreateExpressPlan(input), joinFixes(...fixes)), await reviewImageWarnings(conn, [input.image]));
}

/** Review step of the create wizard: validates, checks names and roles, returns the plan with its CLI form. */
export const previewExpressPlanAction = defineAction({
  role: "operator",
  does: "create Express services",
  schema: createExpressSchema,
  run: async (input) => (await checkCreate(input)) ?? { ok: true, data: reviewOf(await buildCreate(input), input.region) },
});

/** Confirm step: rebuilds the same plan, refuses if it differs from the reviewed one, then runs it. */
export const createExpressAction = defineAction({
  role: "operator",
  does: "create Express services",
  schema: createExpressSchema,
  run: async (input, { user }) => {
    const conflict = await checkCreate(input);
    if (conflict) return conflict;
    const runId = await submitPlan({ user, input, plan: await buildCreate(input), reviewedHash: input.reviewedHash });
    redirect(`/history/${runId}`);
  },
});

async function updatePlan(input: UpdateExpressInput) {
  const conn = await connectionFor(input);
  const current = await getExpressService(conn, input.region, input.cluster, input.serviceName);
  if (!current || current.arn !== input.serviceArn) throw new ConflictError(`The Express service ${input.serviceName} no longer exists in cluster ${input.cluster}.`);
  return withImageWarnings(buildUpdateExpressPlan(input, current.settings), await reviewImageWarnings(conn, [input.image]));
}

export const previewExpressUpdateAction = defineAction({
  role: "operator",
  does: "update Express services",
  schema: updateExpressSchema,
  run: async (input) => ({ ok: true, data: reviewOf(await updatePlan(input), input.region) }),
});

export const updateExpressAction = defineAction({
  role: "operator",
  does: "update Express services",
  schema: updateExpressSchema,
  run: async (input, { user }) => {
    const runId = await submitPlan({ user, input, plan: await updatePlan(input), reviewedHash: input.reviewedHash });
    redirect(`/history/${runId}`);
  },
});

/** Delete as a recorded plan, after the service name is typed and the dialog showed the plan. */
const remove = reviewedPlan({
  does: "delete Express services",
  schema: deleteExpressSchema,
  check: async (input) => {
    await connectionFor(input);
    return null;
  },
  build: buildDeleteExpressPlan,
  typed: { name: (input) => input.serviceName, what: "service" },
});
export const previewDeleteExpressAction = remove.preview;
export const deleteExpressAction = remove.confirm;
