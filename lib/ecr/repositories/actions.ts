"use server";

import { connectionInRegion } from "@/lib/core/connections/in-region";
import { ConflictError } from "@/lib/core/errors";
import type { ActionState } from "@/lib/core/actions/state";
import { reviewedPlan } from "@/lib/core/actions/reviewed-plan";
import { buildCreateRepositoryPlan, buildDeleteImagesPlan, buildDeleteRepositoryPlan } from "./plan";
import { getRepository, listImages } from "./reads";
import {
  createRepositorySchema,
  deleteImagesSchema,
  deleteRepositorySchema,
  type CreateRepositoryInput,
  type DeleteImagesInput,
  type DeleteRepositoryInput,
} from "./schema";

async function existing(input: { connectionId: string; region: string; repositoryName: string }) {
  const conn = await connectionInRegion(input);
  const repo = await getRepository(conn, input.region, input.repositoryName);
  if (!repo) throw new ConflictError(`There is no repository named ${input.repositoryName} in ${input.region}.`);
  return { conn, repo };
}

async function checkCreate(input: CreateRepositoryInput): Promise<ActionState | null> {
  const conn = await connectionInRegion(input);
  if (await getRepository(conn, input.region, input.repositoryName)) {
    return { ok: false, message: "Check the highlighted fields.", fieldErrors: { repositoryName: [`A repository named ${input.repositoryName} already exists in ${input.region}.`] } };
  }
  return null;
}

const create = reviewedPlan({ does: "create repositories", schema: createRepositorySchema, check: checkCreate, build: buildCreateRepositoryPlan });
export const previewCreateRepositoryAction = create.preview;
export const createRepositoryAction = create.confirm;

async function imageCount(input: DeleteRepositoryInput): Promise<number> {
  const { conn } = await existing(input);
  return (await listImages(conn, input.region, input.repositoryName)).length;
}

const remove = reviewedPlan({
  does: "delete repositories",
  schema: deleteRepositorySchema,
  // ECR deletes a repository's images with it only when forced: the person must type "force" for that.
  check: async (input) => {
    const count = await imageCount(input);
    if (count === 0 || input.confirmForce === "force") return null;
    const message = `${input.repositoryName} holds ${count === 1 ? "1 image" : `${count} images`}: type force to delete ${count === 1 ? "it" : "them"} with the repository.`;
    return { ok: false, message, fieldErrors: { confirmForce: [message] } };
  },
  build: async (input) => buildDeleteRepositoryPlan(input, await imageCount(input)),
});
export const previewDeleteRepositoryAction = remove.preview;
export const deleteRepositoryAction = remove.confirm;

async function checkDeleteImages(input: DeleteImagesInput): Promise<ActionState | null> {
  const { conn } = await existing(input);
  const held = new Set((await listImages(conn, input.region, input.repositoryName)).map((i) => i.digest));
  const missing = input.digests.filter((d) => !held.has(d));
  if (missing.length) return { ok: false, message: `${missing.length === 1 ? "An image is" : `${missing.length} images are`} no longer in ${input.repositoryName}: reload the page.` };
  return null;
}

const removeImages = reviewedPlan({ does: "delete images", schema: deleteImagesSchema, check: checkDeleteImages, build: buildDeleteImagesPlan });
export const previewDeleteImagesAction = removeImages.preview;
export const deleteImagesAction = removeImages.confirm;
