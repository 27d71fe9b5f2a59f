"use server";

import { connectionInRegion } from "@/lib/core/connections/in-region";
import { ConflictError } from "@/lib/core/errors";
import { defineAction } from "@/lib/core/actions/action";
import type { ActionState } from "@/lib/core/actions/state";
import { reviewedPlan } from "@/lib/core/actions/reviewed-plan";
import { getRepository } from "../repositories/reads";
import { buildPutLifecyclePolicyPlan } from "./plan";
import { PolicyTextError, fromPolicyText } from "./policy";
import { getLifecyclePolicy, previewLifecyclePolicy } from "./reads";
import { lifecyclePolicySchema, type LifecyclePolicyInput } from "./schema";

async function repositoryOf(input: LifecyclePolicyInput) {
  const conn = await connectionInRegion(input);
  if (!(await getRepository(conn, input.region, input.repositoryName))) throw new ConflictError(`There is no repository named ${input.repositoryName} in ${input.region}.`);
  return conn;
}

/** The policy text checked as ECR checks it, before any AWS call. */
function policyProblem(input: LifecyclePolicyInput): ActionState | null {
  try {
    fromPolicyText(input.policyText);
    return null;
  } catch (error) {
    if (!(error instanceof PolicyTextError)) throw error;
    return { ok: false, message: error.message, fieldErrors: { policyText: [error.message] } };
  }
}

/** Which images the policy would expire, from ECR's own preview; nothing changes in the repository. */
export const previewLifecyclePolicyAction = defineAction({
  role: "operator",
  does: "edit lifecycle policies",
  schema: lifecyclePolicySchema,
  run: async (input) => {
    const problem = policyProblem(input);
    if (problem) return problem;
    const conn = await repositoryOf(input);
    return { ok: true, data: { expiring: await previewLifecyclePolicy(conn, input.region, input.repositoryName, input.policyText) } };
  },
});

const apply = reviewedPlan({
  does: "edit lifecycle policies",
  schema: lifecyclePolicySchema,
  check: async (input) => {
    const problem = policyProblem(input);
    if (problem) return problem;
    await repositoryOf(input);
    return null;
  },
  build: async (input) => buildPutLifecyclePolicyPlan(input, await getLifecyclePolicy(await repositoryOf(input), input.region, input.repositoryName)),
});
export const previewApplyLifecyclePolicyAction = apply.preview;
export const applyLifecyclePolicyAction = apply.confirm;
