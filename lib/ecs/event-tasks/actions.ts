"use server";

import { z } from "zod";
import { getCluster } from "@/lib/ecs/clusters/reads";
import { describeTaskDefinition } from "@/lib/ecs/task-definitions/reads";
import { bucketNotification, deadLetterQueueFacts, ruleExists, ruleTargetIds } from "@/lib/ecs/event-tasks/reads";
import { getRole, getRoleFacts } from "@/lib/iam/reads";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { ConflictError } from "@/lib/core/errors";
import { buildCreateEventTaskPlan, buildDeleteEventRulePlan, eventsRoleFix, EVENTS_ROLE_NAME, type EventTaskFacts } from "@/lib/ecs/event-tasks/plan";
import { createEventTaskSchema, deleteEventRuleSchema, type CreateEventTaskInput } from "@/lib/ecs/event-tasks/schema";
import { targetRoleCheckSchema } from "@/lib/ecs/tasks/schema";
import { defineAction } from "@/lib/core/actions/action";
import type { ActionState } from "@/lib/core/actions/state";
import { reviewedPlan } from "@/lib/core/actions/reviewed-plan";

async function connectionFor(input: { connectionId: string; region: string }) {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  return conn;
}

async function checkCreate(input: CreateEventTaskInput): Promise<ActionState | null> {
  const conn = await connectionFor(input);
  const cluster = await getCluster(conn, input.region, input.cluster);
  if (!cluster || cluster.arn !== input.clusterArn) throw new ConflictError(`There is no cluster named ${input.cluster} in ${input.region}.`);
  const errors: Record<string, string[]> = {};
  const [exists, role, bucket, td, queue] = await Promise.all([
    ruleExists(conn, input.region, input.ruleName),
    input.roleMode === "create" ? getRole(conn, EVENTS_ROLE_NAME) : null,
    input.source === "s3" ? bucketNotification(conn, input.region, input.bucket) : undefined,
    describeTaskDefinition(conn, input.region, input.taskDefinition),
    input.deadLetterQueue ? deadLetterQueueFacts(conn, input.region, input.deadLetterQueue) : undefined,
  ]);
  if (exists) errors.ruleName = [`A rule named ${input.ruleName} already exists on the default event bus.`];
  if (role) errors.roleMode = [`A role named ${EVENTS_ROLE_NAME} already exists: pick it instead of creating it.`];
  if (input.bucketMode === "create" && bucket) errors.bucket = [`A bucket named ${input.bucket} already exists: pick it instead.`];
  if (input.bucketMode === "existing" && bucket === null) errors.bucket = [`There is no bucket named ${input.bucket} in this account.`];
  if (queue === null) errors.deadLetterQueue = [`There is no queue named ${input.deadLetterQueue} in ${input.region}.`];
  if (input.compute === "capacityProvider" && !cluster.capacityProviders.includes(input.capacityProvider)) {
    errors.capacityProvider = [`${input.capacityProvider} is not a capacity provider of ${input.cluster}.`];
  }
  if (!td) errors.taskDefinition = [`Task definition ${input.taskDefinition} was not found.`];
  else if (input.source === "s3" && !(td.containerDefinitions ?? []).some((c) => c.name === input.container)) {
    errors.container = [`${input.taskDefinition} has no container named ${input.container}.`];
  }
  return Object.keys(errors).length ? { ok: false, message: "Check the highlighted fields.", fieldErrors: errors } : null;
}

/** A reused role's policies and the roles the task hands to ECS (EventBridge must be allowed to pass them). */
async function roleFacts(conn: ConnectionSettings, input: Pick<CreateEventTaskInput, "region" | "roleArn" | "taskDefinition">) {
  const [role, taskDefinition] = await Promise.all([getRoleFacts(conn, input.roleArn, EVENTS_ROLE_NAME), describeTaskDefinition(conn, input.region, input.taskDefinition)]);
  return { role, passRoles: [taskDefinition?.executionRoleArn, taskDefinition?.taskRoleArn].filter((r): r is string => Boolean(r)) };
}

/** The plan reads what its steps replace: the bucket's notifications and the queue's policy (put back by the cleanup), a reused role. */
async function buildCreate(input: CreateEventTaskInput) {
  const conn = await connectionFor(input);
  const [role, bucket, queue] = await Promise.all([
    input.roleMode === "create" ? { role: null, passRoles: [] } : roleFacts(conn, input),
    input.source === "s3" && input.bucketMode === "existing" ? bucketNotification(conn, input.region, input.bucket) : null,
    input.deadLetterQueue ? deadLetterQueueFacts(conn, input.region, input.deadLetterQueue) : null,
  ]);
  const facts: EventTaskFacts = { ...role, bucket, queue };
  return buildCreateEventTaskPlan(input, facts);
}

const create = reviewedPlan({ does: "run tasks on events", schema: createEventTaskSchema, check: checkCreate, build: buildCreate });
export const previewEventTaskAction = create.preview;
export const createEventTaskAction = create.confirm;


/** The role field's check as the person picks a role and a task definition. Reads only. */
export const checkEventsRoleAction = defineAction({
  role: "operator",
  does: "run tasks on events",
  schema: targetRoleCheckSchema,
  run: async (input) => {
    const conn = await connectionFor(input);
    const fix = eventsRoleFix(input, await roleFacts(conn, input));
    return { ok: true, data: { warnings: fix.warnings, widens: fix.steps.map((s) => s.description) } };
  },
});

async function buildDelete(input: z.output<typeof deleteEventRuleSchema>) {
  const ids = await ruleTargetIds(await connectionFor(input), input.region, input.ruleName);
  if (ids === null) throw new ConflictError(`Rule ${input.ruleName} no longer exists.`);
  return buildDeleteEventRulePlan(input, ids);
}

const remove = reviewedPlan({ does: "delete event rules", schema: deleteEventRuleSchema, build: buildDelete });
export const previewDeleteEventRuleAction = remove.preview;
export const deleteEventRuleAction = remove.confirm;
