"use server";

import { redirect } from "next/navigation";
import { getCluster } from "@/lib/aws/ecs";
import { getConnectionSettings } from "@/lib/connections/store";
import { createClusterSchema, type CreateClusterInput } from "@/lib/validation/ecs-cluster";
import { buildCreateClusterPlan } from "@/lib/plans/ecs-cluster";
import { reviewOf, submitPlan } from "@/lib/plans/submit";
import { defineAction } from "./action";
import type { ActionState } from "./action-state";

async function checkNameFree(input: CreateClusterInput): Promise<ActionState | null> {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) {
    return { ok: false, fieldErrors: { region: [`Connection "${conn.name}" is not set up for ${input.region}.`] } };
  }
  // CreateCluster with an existing name silently returns that cluster; say so before the run.
  const existing = await getCluster(conn, input.region, input.clusterName);
  if (existing) {
    return { ok: false, fieldErrors: { clusterName: [`A cluster named ${input.clusterName} already exists in ${input.region}.`] } };
  }
  return null;
}

/** Review step: validates, checks the name is free, and returns the plan with its CLI form. */
export const previewClusterPlanAction = defineAction({
  role: "operator",
  does: "create clusters",
  schema: createClusterSchema,
  run: async (input) => (await checkNameFree(input)) ?? { ok: true, data: reviewOf(buildCreateClusterPlan(input), input.region) },
});

/** Confirm step: rebuilds the same plan, refuses if it differs from the reviewed one, then runs it. */
export const createClusterAction = defineAction({
  role: "operator",
  does: "create clusters",
  schema: createClusterSchema,
  run: async (input, { user }) => {
    const conflict = await checkNameFree(input);
    if (conflict) return conflict;
    const runId = await submitPlan({ user, input, plan: buildCreateClusterPlan(input), reviewedHash: input.reviewedHash });
    redirect(`/history/${runId}`);
  },
});
