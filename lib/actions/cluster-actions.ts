"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { readTeardownTarget } from "@/lib/aws/ecs-capacity";
import { getCluster } from "@/lib/aws/ecs";
import { getRole } from "@/lib/aws/iam-roles";
import { getConnectionSettings } from "@/lib/connections/store";
import { ConflictError } from "@/lib/errors";
import { buildClusterTeardownPlan } from "@/lib/plans/cluster-teardown";
import { buildCreateClusterPlan, ECS_INSTANCE_ROLE } from "@/lib/plans/ecs-cluster";
import { reviewOf, submitPlan } from "@/lib/plans/submit";
import { clusterNameSchema, createClusterSchema, type CreateClusterInput } from "@/lib/validation/ecs-cluster";
import { defineAction } from "./action";
import type { ActionState } from "./action-state";

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

const teardownSchema = z
  .object({ connectionId: z.string().min(1), region: z.string().min(1), cluster: clusterNameSchema, confirmName: z.string() })
  .refine((v) => v.confirmName === v.cluster, { path: ["confirmName"], message: "Type the cluster name to confirm." });

/** Tear the cluster down as a recorded plan, planned from what AWS holds now. */
export const teardownClusterAction = defineAction({
  role: "operator",
  does: "tear down clusters",
  schema: teardownSchema,
  run: async (input, { user }) => {
    const conn = await getConnectionSettings(input.connectionId);
    if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
    const target = await readTeardownTarget(conn, input.region, input.cluster);
    if (!target) throw new ConflictError(`There is no cluster named ${input.cluster} in ${input.region}.`);
    const { confirmName: _typed, ...stored } = input;
    const runId = await submitPlan({ user, input: stored, plan: buildClusterTeardownPlan(target) });
    redirect(`/history/${runId}`);
  },
});
