"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { readTeardownTarget } from "@/lib/ecs/clusters/capacity";
import { getCluster } from "@/lib/ecs/clusters/reads";
import { getRole } from "@/lib/iam/reads";
import { readServiceLeftovers } from "@/lib/ecs/services/leftover-reads";
import { createdByPortside } from "@/lib/core/audit/created-resources";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { ConflictError } from "@/lib/core/errors";
import { buildClusterTeardownPlan, teardownSummary } from "@/lib/ecs/clusters/teardown";
import { planHash } from "@/lib/core/plans/hash";
import { buildCreateClusterPlan, ECS_INSTANCE_ROLE } from "@/lib/ecs/clusters/plan";
import { reviewOf, submitPlan } from "@/lib/core/plans/submit";
import { choicesOf, leftoverChoicesSchema } from "@/lib/ecs/services/leftover-schema";
import { clusterNameSchema, createClusterSchema, type CreateClusterInput } from "@/lib/ecs/clusters/schema";
import { defineAction } from "@/lib/core/actions/action";
import type { ActionState } from "@/lib/core/actions/state";
import { typedConfirmationFields } from "@/lib/core/validation/typed-confirmation";

async function checkCreate(input: CreateClusterInput): Promise<ActionState | null> {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) {
    return { ok: false, fieldErrors: { region: [`Connection "${conn.name}" is not set up for ${input.region}.`] } };
  }
  // CreateCluster with an existing name silently returns that cluster; say so before the run.
  const existing = await getCluster(conn, input.region, input.clusterName);
  if (existing) {
    return { ok: false, fieldErrors: { clusterName: [`A cluster named ${input.clusterName} already exists in ${input.region}.`] } };
  }
  const ec2 = input.infrastructure !== "fargate" && input.asgMode === "new";
  if (ec2 && input.instanceRoleMode === "create" && (await getRole(conn, ECS_INSTANCE_ROLE.name))) {
    return { ok: false, fieldErrors: { instanceRoleMode: [`A role named ${ECS_INSTANCE_ROLE.name} already exists in this account: pick its instance profile instead.`] } };
  }
  return null;
}

/** Review step: validates, checks the name is free, and returns the plan with its CLI form. */
export const previewClusterPlanAction = defineAction({
  role: "operator",
  does: "create clusters",
  schema: createClusterSchema,
  run: async (input) => (await checkCreate(input)) ?? { ok: true, data: reviewOf(buildCreateClusterPlan(input), input.region) },
});

/** Confirm step: rebuilds the same plan, refuses if it differs from the reviewed one, then runs it. */
export const createClusterAction = defineAction({
  role: "operator",
  does: "create clusters",
  schema: createClusterSchema,
  run: async (input, { user }) => {
    const conflict = await checkCreate(input);
    if (conflict) return conflict;
    const runId = await submitPlan({ user, input, plan: buildCreateClusterPlan(input), reviewedHash: input.reviewedHash });
    redirect(`/history/${runId}`);
  },
});

const teardownTargetSchema = z.object({ connectionId: z.string().min(1), region: z.string().min(1), cluster: clusterNameSchema, ...leftoverChoicesSchema });
const teardownSchema = teardownTargetSchema
  .extend({ ...typedConfirmationFields, reviewedHash: z.string().min(1, "Open the dialog again: what will be deleted was not read.") })
  .refine((v) => v.confirmName === v.cluster, { path: ["confirmName"], message: "Type the cluster name to confirm." });

/** The teardown plan from what AWS holds right now (never from a cached read). */
async function teardownPlanOf(input: z.infer<typeof teardownTargetSchema>) {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  const read = await readTeardownTarget(conn, input.region, input.cluster);
  if (!read) throw new ConflictError(`There is no cluster named ${input.cluster} in ${input.region}.`);
  const created = await createdByPortside(input.connectionId, input.region);
  const leftovers = await readServiceLeftovers(conn, input.region, { name: read.clusterName, arn: read.clusterArn }, null, created);
  const target = { ...read, leftovers, choices: choicesOf(input) };
  return { target, plan: buildClusterTeardownPlan(target) };
}

/** What a teardown would delete now, read as the confirmation dialog opens, with the plan's hash. */
export const previewTeardownAction = defineAction({
  role: "operator",
  does: "tear down clusters",
  schema: teardownTargetSchema,
  run: async (input) => {
    const { target, plan } = await teardownPlanOf(input);
    return { ok: true, data: { deletes: teardownSummary(target), leftovers: target.leftovers, hash: planHash(plan) } };
  },
});

/**
 * Tear the cluster down as a recorded plan. Refused when the cluster changed after the dialog
 * listed what would be deleted (a service added meanwhile would otherwise go unseen).
 */
export const teardownClusterAction = defineAction({
  role: "operator",
  does: "tear down clusters",
  schema: teardownSchema,
  run: async (input, { user }) => {
    const { plan } = await teardownPlanOf(input);
    if (planHash(plan) !== input.reviewedHash) {
      throw new ConflictError("The cluster changed since the dialog listed what will be deleted. Open it again and check the list.");
    }
    const { confirmName: _typed, reviewedHash: _hash, ...stored } = input;
    const runId = await submitPlan({ user, input: stored, plan, reviewedHash: input.reviewedHash });
    redirect(`/history/${runId}`);
  },
});
