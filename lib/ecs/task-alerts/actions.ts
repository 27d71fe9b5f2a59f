"use server";

import { getCluster } from "@/lib/ecs/clusters/reads";
import { ruleExists, ruleTargetIds } from "@/lib/ecs/event-tasks/reads";
import { topicExists } from "@/lib/ecs/task-alerts/reads";
import { readClusterShared } from "@/lib/ecs/services/fleet-live";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { ConflictError } from "@/lib/core/errors";
import { buildCreateTaskAlertPlan, buildDeleteTaskAlertPlan, createdTopicArn } from "@/lib/ecs/task-alerts/plan";
import { createTaskAlertSchema, deleteTaskAlertSchema, type CreateTaskAlertInput, type DeleteTaskAlertInput } from "@/lib/ecs/task-alerts/schema";
import type { ActionState } from "@/lib/core/actions/state";
import { reviewedPlan } from "@/lib/core/actions/reviewed-plan";

async function connectionFor(input: { connectionId: string; region: string }) {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  return conn;
}

async function check(input: CreateTaskAlertInput): Promise<ActionState | null> {
  const conn = await connectionFor(input);
  const cluster = await getCluster(conn, input.region, input.cluster);
  if (!cluster || cluster.arn !== input.clusterArn) throw new ConflictError(`There is no cluster named ${input.cluster} in ${input.region}.`);
  const errors: Record<string, string[]> = {};
  const [exists, topic] = await Promise.all([
    ruleExists(conn, input.region, input.ruleName),
    topicExists(conn, input.region, input.topicMode === "create" ? createdTopicArn(input) : input.topicArn),
  ]);
  if (input.kind === "deployments" && input.service) {
    const live = await readClusterShared(conn, input.region, input.cluster);
    if (!live.services.some((s) => s.name === input.service)) errors.service = [`There is no service named ${input.service} in ${input.cluster}.`];
  }
  if (exists) errors.ruleName = [`A rule named ${input.ruleName} already exists on the default event bus.`];
  if (input.topicMode === "create" && topic) errors.topicName = [`A topic named ${input.topicName} already exists: pick it instead.`];
  if (input.topicMode === "existing" && !topic) errors.topicArn = ["That topic no longer exists."];
  return Object.keys(errors).length ? { ok: false, message: "Check the highlighted fields.", fieldErrors: errors } : null;
}

const create = reviewedPlan({ does: "set up task alerts", schema: createTaskAlertSchema, check, build: buildCreateTaskAlertPlan });
export const previewTaskAlertAction = create.preview;
export const createTaskAlertAction = create.confirm;

async function buildDelete(input: DeleteTaskAlertInput) {
  const ids = await ruleTargetIds(await connectionFor(input), input.region, input.ruleName);
  if (ids === null) throw new ConflictError(`Rule ${input.ruleName} no longer exists.`);
  return buildDeleteTaskAlertPlan(input, ids);
}

const remove = reviewedPlan({ does: "delete task alerts", schema: deleteTaskAlertSchema, build: buildDelete });
export const previewDeleteTaskAlertAction = remove.preview;
export const deleteTaskAlertAction = remove.confirm;
