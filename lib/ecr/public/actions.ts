"use server";

import { connectionInRegion } from "@/lib/core/connections/in-region";
import { ConflictError } from "@/lib/core/errors";
import type { ActionState } from "@/lib/core/actions/state";
import { reviewedPlan } from "@/lib/core/actions/reviewed-plan";
import { buildCreatePublicRepositoryPlan, buildDeletePublicRepositoryPlan } from "./plan";
import { listPublicRepositories } from "./reads";
import { createPublicRepositorySchema, deletePublicRepositorySchema, type CreatePublicRepositoryInput, type DeletePublicRepositoryInput } from "./schema";

async function find(input: { connectionId: string; region: string; repositoryName: string }) {
  const conn = await connectionInRegion(input);
  return (await listPublicRepositories(conn)).find((r) => r.name === input.repositoryName) ?? null;
}

async function checkCreate(input: CreatePublicRepositoryInput): Promise<ActionState | null> {
  if (!(await find(input))) return null;
  return { ok: false, message: "Check the highlighted fields.", fieldErrors: { repositoryName: [`A public repository named ${input.repositoryName} already exists.`] } };
}

const create = reviewedPlan({ does: "create repositories", schema: createPublicRepositorySchema, check: checkCreate, build: buildCreatePublicRepositoryPlan });
export const previewCreatePublicRepositoryAction = create.preview;
export const createPublicRepositoryAction = create.confirm;

async function imageCount(input: DeletePublicRepositoryInput): Promise<number> {
  const repo = await find(input);
  if (!repo) throw new ConflictError(`There is no public repository named ${input.repositoryName}.`);
  return repo.imageCount;
}

const remove = reviewedPlan({
  does: "delete repositories",
  schema: deletePublicRepositorySchema,
  // As for private repositories: images go with the repository only once "force" is typed.
  check: async (input) => {
    const count = await imageCount(input);
    if (count === 0 || input.confirmForce === "force") return null;
    const message = `${input.repositoryName} holds ${count === 1 ? "1 image" : `${count} images`}: type force to delete ${count === 1 ? "it" : "them"} with the repository.`;
    return { ok: false, message, fieldErrors: { confirmForce: [message] } };
  },
  build: async (input) => buildDeletePublicRepositoryPlan(input, await imageCount(input)),
});
export const previewDeletePublicRepositoryAction = remove.preview;
export const deletePublicRepositoryAction = remove.confirm;
