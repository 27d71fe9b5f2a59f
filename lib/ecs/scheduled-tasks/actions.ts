"use server";

import { getCluster } from "@/lib/ecs/clusters/reads";
import { describeTaskDefinition } from "@/lib/ecs/task-definitions/reads";
import { scheduleExists } from "@/lib/ecs/tasks/reads";
import { getRole, getRoleFacts } from "@/lib/iam/reads";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { ConflictError } from "@/lib/core/errors";
import {
  buildCreateSchedulePlan,
  buildDeleteSchedulePlan,
  schedulerRoleFix,
  SCHEDULER_ROLE_NAME,
  type SchedulerRoleFacts,
} from "@/lib/ecs/scheduled-tasks/plan";
import { createScheduleSchema, deleteScheduleSchema, type CreateScheduleInput } from "@/lib/ecs/scheduled-tasks/schema";
import { targetRoleCheckSchema } from "@/lib/ecs/tasks/schema";
import { defineAction } from "@/lib/core/actions/action";
import type { ActionState } from "@/lib/core/actions/state";
import { reviewedPlan } from "@/lib/core/actions/reviewed-plan";

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

/**
 * What a reused role holds and what the task will hand to ECS: the role's policies and the task
 * definition's execution and task roles (the scheduler must be allowed to pass them).
 */
async function roleFacts(conn: ConnectionSettings, input: Pick<CreateScheduleInput, "region" | "roleArn" | "taskDefinition">): Promise<SchedulerRoleFacts> {
  const [role, taskDefinition] = await Promise.all([getRoleFacts(conn, input.roleArn, SCHEDULER_ROLE_NAME), describeTaskDefinition(conn, input.region, input.taskDefinition)]);
  return { role, passRoles: [taskDefinition?.executionRoleArn, taskDefinition?.taskRoleArn].filter((r): r is string => Boolean(r)) };
}

async function buildCreate(input: CreateScheduleInput) {
  if (input.roleMode === "create") return buildCreateSchedulePlan(input);
  return buildCreateSchedulePlan(input, await roleFacts(await connectionFor(input), input));
}

const create = reviewedPlan({ does: "schedule tasks", schema: createScheduleSchema, check: checkCreate, build: buildCreate });
export const previewScheduleAction = create.preview;
export const createScheduleAction = create.confirm;


/**
 * The role field's check, as the person picks a role and a task definition: what the plan will
 * add to a Portside role, or which permission another role lacks. Reads only.
 */
export const checkScheduleRoleAction = defineAction({
  role: "operator",
  does: "schedule tasks",
  schema: targetRoleCheckSchema,
  run: async (input) => {
    const conn = await connectionFor(input);
    const facts = await roleFacts(conn, input);
    const fix = schedulerRoleFix(input, facts);
    return { ok: true, data: { warnings: fix.warnings, widens: fix.steps.map((s) => s.description) } };
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
