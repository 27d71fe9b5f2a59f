"use server";

import { connectionInRegion } from "@/lib/core/connections/in-region";
import { ConflictError } from "@/lib/core/errors";
import { reviewedPlan } from "@/lib/core/actions/reviewed-plan";
import { getRepository } from "../repositories/reads";
import { buildDeleteRepositoryPolicyPlan, buildSetRepositoryPolicyPlan } from "./plan";
import { getRepositoryPolicy } from "./reads";
import { deleteRepositoryPolicySchema, setRepositoryPolicySchema, type DeleteRepositoryPolicyInput } from "./schema";

async function currentPolicy(input: DeleteRepositoryPolicyInput) {
  const conn = await connectionInRegion(input);
  if (!(await getRepository(conn, input.region, input.repositoryName))) throw new ConflictError(`There is no repository named ${input.repositoryName} in ${input.region}.`);
  return getRepositoryPolicy(conn, input.region, input.repositoryName);
}

// The schema has checked the policy text already (no AWS call for a bad one).
const set = reviewedPlan({
  does: "edit repository policies",
  schema: setRepositoryPolicySchema,
  build: async (input) => buildSetRepositoryPolicyPlan(input, await currentPolicy(input)),
});
export const previewSetRepositoryPolicyAction = set.preview;
export const setRepositoryPolicyAction = set.confirm;

const remove = reviewedPlan({
  does: "edit repository policies",
  schema: deleteRepositoryPolicySchema,
  check: async (input) => ((await currentPolicy(input)) ? null : { ok: false, message: `${input.repositoryName} has no repository policy.` }),
  build: async (input) => buildDeleteRepositoryPolicyPlan(input, (await currentPolicy(input))!),
});
export const previewDeleteRepositoryPolicyAction = remove.preview;
export const deleteRepositoryPolicyAction = remove.confirm;
