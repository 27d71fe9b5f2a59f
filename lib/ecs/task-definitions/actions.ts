"use server";

import { redirect } from "next/navigation";
import { describeTaskDefinition, existingLogGroups } from "@/lib/ecs/task-definitions/reads";
import { getRole, getRoleFacts } from "@/lib/iam/reads";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { ConflictError } from "@/lib/core/errors";
import { STANDARD_ROLES } from "@/lib/iam/roles";
import { reviewOf, submitPlan } from "@/lib/core/plans/submit";
import { buildDeregisterTaskDefinitionPlan, buildRegisterTaskDefinitionPlan } from "@/lib/ecs/task-definitions/plan";
import { carriedFields } from "@/lib/ecs/task-definitions/carry-over";
import { reviewImageWarnings } from "@/lib/ecr/image-picker/reads";
import { withImageWarnings } from "@/lib/ecr/image-picker/review";
import {
  createTaskDefinitionSchema,
  deregisterTaskDefinitionSchema,
  type CreateTaskDefinitionInput,
} from "@/lib/ecs/task-definitions/schema";
import { defineAction } from "@/lib/core/actions/action";
import { reviewedPlan } from "@/lib/core/actions/reviewed-plan";
import type { ActionState } from "@/lib/core/actions/state";

async function connectionFor(input: { connectionId: string; region: string }) {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  return conn;
}

/**
 * Reads what the plan depends on: which log groups exist (their CreateLogGroup step is
 * skipped), whether the standard execution role exists (then it must be picked), and what a
 * picked execution role holds (the plan attaches the execution policy it lacks, or warns).
 */
async function planFor(input: CreateTaskDefinitionInput): Promise<ActionState | { plan: ReturnType<typeof buildRegisterTaskDefinitionPlan> }> {
  const conn = await connectionFor(input);
  if (input.executionRoleMode === "create" && (await getRole(conn, STANDARD_ROLES.execution.name))) {
    return {
      ok: false,
      message: "Check the highlighted fields.",
      fieldErrors: { executionRoleMode: [`A role named ${STANDARD_ROLES.execution.name} already exists in this account: pick it instead of creating it.`] },
    };
  }
  const groups = input.containers.filter((c) => c.logs.enabled).map((c) => c.logs.group);
  const [existing, base, executionRole, images] = await Promise.all([
    groups.length ? existingLogGroups(conn, input.region, groups) : [],
    // Read again at review and at confirm: the plan hash then covers what is carried over.
    input.baseRevision ? describeTaskDefinition(conn, input.region, input.baseRevision) : null,
    input.executionRoleMode === "existing" && input.executionRoleArn ? getRoleFacts(conn, input.executionRoleArn, STANDARD_ROLES.execution.name) : null,
    reviewImageWarnings(conn, input.containers.map((c) => c.image)),
  ]);
  if (input.baseRevision && !base) return { ok: false, message: `Task definition ${input.baseRevision} no longer exists, so its other settings cannot be carried over. Start from another revision.` };
  return { plan: withImageWarnings(buildRegisterTaskDefinitionPlan(input, { existingLogGroups: existing, carried: base ? carriedFields(base) : undefined, executionRole }), images) };
}

/** Review step: validates, reads log groups and roles, and returns the plan with its CLI form. */
export const previewTaskDefinitionPlanAction = defineAction({
  role: "operator",
  does: "register task definitions",
  schema: createTaskDefinitionSchema,
  run: async (input) => {
    const result = await planFor(input);
    return "plan" in result ? { ok: true, data: reviewOf(result.plan, input.region) } : result;
  },
});

/** Confirm step: rebuilds the same plan, refuses if it differs from the reviewed one, then runs it. */
export const registerTaskDefinitionAction = defineAction({
  role: "operator",
  does: "register task definitions",
  schema: createTaskDefinitionSchema,
  run: async (input, { user }) => {
    const result = await planFor(input);
    if (!("plan" in result)) return result;
    const runId = await submitPlan({ user, input, plan: result.plan, reviewedHash: input.reviewedHash });
    redirect(`/history/${runId}`);
  },
});

const deregister = reviewedPlan({
  does: "deregister task definitions",
  schema: deregisterTaskDefinitionSchema,
  check: async (input) => {
    const conn = await connectionFor(input);
    const current = await describeTaskDefinition(conn, input.region, `${input.family}:${input.revision}`);
    if (!current) throw new ConflictError(`Task definition ${input.family}:${input.revision} does not exist.`);
    if (current.status !== "ACTIVE") throw new ConflictError(`Task definition ${input.family}:${input.revision} is already ${current.status.toLowerCase()}.`);
    return null;
  },
  build: buildDeregisterTaskDefinitionPlan,
});
export const previewDeregisterTaskDefinitionAction = deregister.preview;
export const deregisterTaskDefinitionAction = deregister.confirm;
