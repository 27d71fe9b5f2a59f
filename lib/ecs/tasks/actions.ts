"use server";

import { redirect } from "next/navigation";
import { getCluster } from "@/lib/ecs/clusters/reads";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { ConflictError } from "@/lib/core/errors";
import { buildRunTaskPlan } from "@/lib/ecs/tasks/plan";
import { reviewOf, submitPlan } from "@/lib/core/plans/submit";
import { runTaskSchema, type RunTaskInput } from "@/lib/ecs/tasks/schema";
import { defineAction } from "@/lib/core/actions/action";

async function checkCluster(input: RunTaskInput) {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  if (!(await getCluster(conn, input.region, input.cluster))) throw new ConflictError(`There is no cluster named ${input.cluster} in ${input.region}.`);
}

/** Review: validates and shows the RunTask request with its CLI form. */
export const previewRunTaskAction = defineAction({
  role: "operator",
  does: "run tasks",
  schema: runTaskSchema,
  run: async (input) => {
    await checkCluster(input);
    return { ok: true, data: reviewOf(buildRunTaskPlan(input), input.region) };
  },
});

/** Confirm: runs the reviewed RunTask as a recorded plan; the run page lists the task ARNs. */
export const runTaskAction = defineAction({
  role: "operator",
  does: "run tasks",
  schema: runTaskSchema,
  run: async (input, { user }) => {
    await checkCluster(input);
    const runId = await submitPlan({ user, input, plan: buildRunTaskPlan(input), reviewedHash: input.reviewedHash });
    redirect(`/history/${runId}`);
  },
});
