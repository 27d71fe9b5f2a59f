"use server";

import { redirect } from "next/navigation";
import { getCluster } from "@/lib/aws/ecs";
import { scheduleExists } from "@/lib/aws/ecs-tasks";
import { getRole } from "@/lib/aws/iam-roles";
import { getConnectionSettings } from "@/lib/connections/store";
import { ConflictError } from "@/lib/errors";
import { buildCreateSchedulePlan, buildDeleteSchedulePlan, SCHEDULER_ROLE_NAME } from "@/lib/plans/scheduled-task";
import { reviewOf, submitPlan } from "@/lib/plans/submit";
import { createScheduleSchema, deleteScheduleSchema, type CreateScheduleInput } from "@/lib/validation/scheduled-task";
import { defineAction } from "./action";
import { reviewedPlan } from "./reviewed-plan";
import type { ActionState } from "./action-state";

async function connectionFor(input: { connectionId: string; region: string }) {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  return conn;
}

async function checkCreate(input: CreateScheduleInput): Promise<ActionState | null> {
  const conn = await connectionFor(input);
  const cluster = await getCluster(conn, input.region, input.cluster);
  if (!cluster || cluster.arn !== input.clusterArn) throw new ConflictError(`There is no cluster named ${input.cluster} in ${input.region}.`);
  const errors: Record<string, string[]> = {};
  if (await scheduleExists(conn, input.region, input.scheduleName)) errors.scheduleName = [`A schedule named ${input.scheduleName} already exists in the default group.`];
  if (input.roleMode === "create" && (await getRole(conn, SCHEDULER_ROLE_NAME))) errors.roleMode = [`A role named ${SCHEDULER_ROLE_NAME} already exists: pick it instead of creating it.`];
  return Object.keys(errors).length ? { ok: false, message: "Check the highlighted fields.", fieldErrors: errors } : null;
}

export const previewScheduleAction = defineAction({
  role: "operator",
  does: "schedule tasks",
  schema: createScheduleSchema,
  run: async (input) => (await checkCreate(input)) ?? { ok: true, data: reviewOf(buildCreateSchedulePlan(input), input.region) },
});

export const createScheduleAction = defineAction({
  role: "operator",
  does: "schedule tasks",
  schema: createScheduleSchema,
  run: async (input, { user }) => {
    const conflict = await checkCreate(input);
    if (conflict) return conflict;
    const runId = await submitPlan({ user, input, plan: buildCreateSchedulePlan(input), reviewedHash: input.reviewedHash });
    redirect(`/history/${runId}`);
  },
});

const remove = reviewedPlan({
  does: "delete schedules",
  schema: deleteScheduleSchema,
  check: async (input) => {
    await connectionFor(input);
    return null;
  },
  build: buildDeleteSchedulePlan,
});
export const previewDeleteScheduleAction = remove.preview;
export const deleteScheduleAction = remove.confirm;
