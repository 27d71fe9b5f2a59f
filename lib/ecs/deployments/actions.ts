"use server";

import { redirect } from "next/navigation";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { ConflictError } from "@/lib/core/errors";
import { reviewOf, submitPlan } from "@/lib/core/plans/submit";
import type { SessionUser } from "@/lib/core/auth/session";
import type { Plan } from "@/lib/core/plans/types";
import { defineAction } from "@/lib/core/actions/action";
import type { ActionState } from "@/lib/core/actions/state";
import { buildContinueDeploymentPlan, buildRollbackDeploymentPlan, buildRollbackToRevisionPlan } from "./plan";
import { readDeploymentTimeline, readServiceDeployment, readServiceNow, readServiceRevision } from "./reads";
import {
  continueDeploymentSchema, rollbackDeploymentSchema, rollbackToRevisionSchema, type ContinueDeploymentInput, type RollbackDeploymentInput, type RollbackToRevisionInput,
} from "./schema";

/** Checked on a fresh read: the deployment is this service's and still in progress. */
async function build(input: RollbackDeploymentInput): Promise<{ plan: Plan } | { errors: Record<string, string[]> }> {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  const entry = (await readDeploymentTimeline(conn, input.region, input.cluster, input.service)).entries.find((d) => d.arn === input.serviceDeploymentArn);
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

const SHIFTING = new Set(["BLUE_GREEN", "CANARY", "LINEAR"]);

/**
 * Checked on fresh reads: the deployment is this service's and completed successfully, its revision
 * is not what runs now, no deployment is in progress, and a traffic-shifting strategy still has
 * the load balancer set up it needs.
 */
async function buildToRevision(input: RollbackToRevisionInput): Promise<{ plan: Plan } | { errors: Record<string, string[]> }> {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  const err = (m: string) => ({ errors: { serviceDeploymentArn: [m] } });
  const [deployment, service] = await Promise.all([readServiceDeployment(conn, input.region, input.serviceDeploymentArn), readServiceNow(conn, input.region, input.cluster, input.service)]);
  if (!service) return err(`Service ${input.service} no longer exists in cluster ${input.cluster}.`);
  if (!deployment) return err(`ECS no longer keeps this deployment of ${input.service} (it keeps 90 days).`);
  if (deployment.status !== "SUCCESSFUL") return err(`This deployment ended ${deployment.status}; roll back to one that completed successfully.`);
  const revision = deployment.targetServiceRevision?.arn ? await readServiceRevision(conn, input.region, deployment.targetServiceRevision.arn) : null;
  if (!revision?.taskDefinition) return err("ECS no longer describes this deployment's revision.");
  const label = revision.taskDefinition.split("/").pop() ?? revision.taskDefinition;
  if (service.inProgress) return err(`A deployment of ${input.service} is in progress; wait for it or roll it back first.`);
  if (service.taskDefinition === revision.taskDefinition) return err(`${input.service} runs ${label} already.`);
  const dc = (deployment.deploymentConfiguration ?? {}) as Record<string, unknown>;
  if (SHIFTING.has(String(dc.strategy)) && !service.hasAdvancedConfiguration) {
    return err(`${label} was deployed with ${String(dc.strategy).toLowerCase().replace("_", "/")}, but ${input.service} no longer has an alternate target group; set that up in Deployment settings first.`);
  }
  return {
    plan: buildRollbackToRevisionPlan(input, {
      taskDefinitionArn: revision.taskDefinition,
      label,
      deploymentConfiguration: dc,
      current: { taskDefinition: service.taskDefinition, deploymentConfiguration: service.deploymentConfiguration },
    }),
  };
}

export const previewRollbackToRevisionAction = defineAction({
  role: "operator",
  does: "roll back services",
  schema: rollbackToRevisionSchema,
  run: async (input) => {
    const built = await buildToRevision(input);
    return "errors" in built ? fail(built.errors) : { ok: true, data: reviewOf(built.plan, input.region) };
  },
});

export const rollbackToRevisionAction = defineAction({
  role: "operator",
  does: "roll back services",
  schema: rollbackToRevisionSchema,
  run: async (input, { user }: { user: SessionUser }) => {
    const built = await buildToRevision(input);
    if ("errors" in built) return fail(built.errors);
    const runId = await submitPlan({ user, input, plan: built.plan, reviewedHash: input.reviewedHash });
    redirect(`/history/${runId}`);
  },
});

/** Checked on a fresh read: the deployment is in progress and this pause hook awaits action. */
async function buildContinue(input: ContinueDeploymentInput): Promise<{ plan: Plan } | { errors: Record<string, string[]> }> {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  const d = await readServiceDeployment(conn, input.region, input.serviceDeploymentArn);
  if (!d || d.status !== "IN_PROGRESS") return { errors: { serviceDeploymentArn: ["This deployment is no longer in progress."] } };
  const hook = d.lifecycleHookDetails?.find((h) => h.hookId === input.hookId);
  if (!hook || hook.status !== "AWAITING_ACTION") return { errors: { hookId: ["This pause hook no longer awaits action."] } };
  return { plan: buildContinueDeploymentPlan(input, d.lifecycleStage ?? "its pause") };
}

export const previewContinueDeploymentAction = defineAction({
  role: "operator",
  does: "continue deployments",
  schema: continueDeploymentSchema,
  run: async (input) => {
    const built = await buildContinue(input);
    return "errors" in built ? fail(built.errors) : { ok: true, data: reviewOf(built.plan, input.region) };
  },
});

export const continueDeploymentAction = defineAction({
  role: "operator",
  does: "continue deployments",
  schema: continueDeploymentSchema,
  run: async (input, { user }: { user: SessionUser }) => {
    const built = await buildContinue(input);
    if ("errors" in built) return fail(built.errors);
    const runId = await submitPlan({ user, input, plan: built.plan, reviewedHash: input.reviewedHash });
    redirect(`/history/${runId}`);
  },
});
