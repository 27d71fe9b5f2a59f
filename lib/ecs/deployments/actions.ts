"use server";

import { redirect } from "next/navigation";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { ConflictError } from "@/lib/core/errors";
import { reviewOf, submitPlan } from "@/lib/core/plans/submit";
import type { SessionUser } from "@/lib/core/auth/session";
import type { Plan } from "@/lib/core/plans/types";
import { defineAction } from "@/lib/core/actions/action";
import type { ActionState } from "@/lib/core/actions/state";
import { buildRollbackDeploymentPlan } from "./plan";
import { readDeploymentTimeline } from "./reads";
import { rollbackDeploymentSchema, type RollbackDeploymentInput } from "./schema";

/** Checked on a fresh read: the deployment is this service's and still in progress. */
async function build(input: RollbackDeploymentInput): Promise<{ plan: Plan } | { errors: Record<string, string[]> }> {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  const entry = (await readDeploymentTimeline(conn, input.region, input.cluster, input.service)).find((d) => d.arn === input.serviceDeploymentArn);
  if (!entry) return { errors: { serviceDeploymentArn: [`This is not one of ${input.service}'s recent deployments.`] } };
  if (entry.status !== "IN_PROGRESS") return { errors: { serviceDeploymentArn: [`This deployment is ${entry.status}; only one in progress can be rolled back.`] } };
  return { plan: buildRollbackDeploymentPlan(input, { from: entry.target.taskDefinition, to: entry.sources[0]?.taskDefinition ?? "the previous revision" }) };
}

const fail = (errors: Record<string, string[]>): ActionState => ({ ok: false, message: "Check the highlighted fields.", fieldErrors: errors });

export const previewRollbackDeploymentAction = defineAction({
  role: "operator",
  does: "roll back services",
  schema: rollbackDeploymentSchema,
  run: async (input) => {
    const built = await build(input);
    return "errors" in built ? fail(built.errors) : { ok: true, data: reviewOf(built.plan, input.region) };
  },
});

export const rollbackDeploymentAction = defineAction({
  role: "operator",
  does: "roll back services",
  schema: rollbackDeploymentSchema,
  run: async (input, { user }: { user: SessionUser }) => {
    const built = await build(input);
    if ("errors" in built) return fail(built.errors);
    const runId = await submitPlan({ user, input, plan: built.plan, reviewedHash: input.reviewedHash });
    redirect(`/history/${runId}`);
  },
});
