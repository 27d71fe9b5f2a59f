"use server";

import { getConnectionSettings } from "@/lib/core/connections/store";
import { ConflictError } from "@/lib/core/errors";
import { reviewedPlan } from "@/lib/core/actions/reviewed-plan";
import { ruleTargetIds } from "@/lib/ecs/event-tasks/reads";
import { getEventRule } from "@/lib/ecs/event-rules/reads";
import { buildDeleteRulePlan, buildSetRuleStatePlan } from "@/lib/ecs/event-rules/plan";
import { deleteRuleSchema, setRuleStateSchema, type DeleteRuleInput, type SetRuleStateInput } from "@/lib/ecs/event-rules/schema";

async function connectionFor(input: { connectionId: string; region: string }) {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  return conn;
}

/** Only the rules the Events page lists (task runners and Portside's alerts), never AWS-managed ones. */
async function pageRule(input: { connectionId: string; region: string; ruleName: string }) {
  const conn = await connectionFor(input);
  const rule = await getEventRule(conn, input.region, input.ruleName);
  if (!rule) throw new ConflictError(`Rule ${input.ruleName} is not one of the Events page's rules, or no longer exists.`);
  if (rule.managedBy) throw new ConflictError(`Rule ${input.ruleName} is managed by ${rule.managedBy}; change it there.`);
  return { conn, rule };
}

async function buildState(input: SetRuleStateInput) {
  const { rule } = await pageRule(input);
  if (rule.state === input.state) throw new ConflictError(`Rule ${input.ruleName} is already ${input.state.toLowerCase()}.`);
  return buildSetRuleStatePlan(input);
}

const state = reviewedPlan({ does: "enable or disable event rules", schema: setRuleStateSchema, build: buildState });
export const previewSetRuleStateAction = state.preview;
export const setRuleStateAction = state.confirm;

async function buildDelete(input: DeleteRuleInput) {
  const { conn } = await pageRule(input);
  const ids = await ruleTargetIds(conn, input.region, input.ruleName);
  if (ids === null) throw new ConflictError(`Rule ${input.ruleName} no longer exists.`);
  return buildDeleteRulePlan(input, ids);
}

const remove = reviewedPlan({ does: "delete event rules", schema: deleteRuleSchema, build: buildDelete });
export const previewDeleteRuleAction = remove.preview;
export const deleteRuleAction = remove.confirm;
