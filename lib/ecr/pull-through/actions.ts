"use server";

import { connectionInRegion } from "@/lib/core/connections/in-region";
import { reviewedPlan } from "@/lib/core/actions/reviewed-plan";
import type { ActionState } from "@/lib/core/actions/state";
import { buildCreatePullThroughRulePlan, buildDeletePullThroughRulePlan } from "./plan";
import { listPullThroughRules } from "./reads";
import { createPullThroughRuleSchema, deletePullThroughRuleSchema, type CreatePullThroughRuleInput, type DeletePullThroughRuleInput } from "./schema";

async function ruleOf(input: { connectionId: string; region: string; ecrRepositoryPrefix: string }) {
  const conn = await connectionInRegion(input);
  return (await listPullThroughRules(conn, input.region)).find((r) => r.prefix === input.ecrRepositoryPrefix) ?? null;
}

async function checkCreate(input: CreatePullThroughRuleInput): Promise<ActionState | null> {
  if (!(await ruleOf(input))) return null;
  return { ok: false, message: "Check the highlighted fields.", fieldErrors: { ecrRepositoryPrefix: [`A rule with prefix ${input.ecrRepositoryPrefix} exists already in ${input.region}.`] } };
}

const create = reviewedPlan({ does: "create pull-through cache rules", schema: createPullThroughRuleSchema, check: checkCreate, build: buildCreatePullThroughRulePlan });
export const previewCreatePullThroughRuleAction = create.preview;
export const createPullThroughRuleAction = create.confirm;

async function checkDelete(input: DeletePullThroughRuleInput): Promise<ActionState | null> {
  return (await ruleOf(input)) ? null : { ok: false, message: `There is no pull-through cache rule ${input.ecrRepositoryPrefix} in ${input.region}.` };
}

const remove = reviewedPlan({
  does: "delete pull-through cache rules",
  schema: deletePullThroughRuleSchema,
  check: checkDelete,
  build: async (input) => buildDeletePullThroughRulePlan(input, (await ruleOf(input))!),
});
export const previewDeletePullThroughRuleAction = remove.preview;
export const deletePullThroughRuleAction = remove.confirm;
