"use server";

import { connectionInRegion } from "@/lib/core/connections/in-region";
import { ConflictError } from "@/lib/core/errors";
import { defineAction } from "@/lib/core/actions/action";
import { getRepository, listImages, listRepositorySummaries } from "../repositories/reads";
import { tagOptions } from "./options";
import { pickerRepositoriesSchema, pickerTagsSchema } from "./schema";

/** The picker's first list, read only once a person opens it: the region's private repositories. */
export const pickerRepositoriesAction = defineAction({
  role: "viewer",
  does: "list repositories",
  schema: pickerRepositoriesSchema,
  run: async (input) => {
    const conn = await connectionInRegion(input);
    const repositories = await listRepositorySummaries(conn, input.region);
    return { ok: true, data: { repositories: repositories.map((r) => r.name) } };
  },
});

/** One repository's tags, newest first, as URIs with push time and scan summary. */
export const pickerTagsAction = defineAction({
  role: "viewer",
  does: "list images",
  schema: pickerTagsSchema,
  run: async (input) => {
    const conn = await connectionInRegion(input);
    const repository = await getRepository(conn, input.region, input.repositoryName);
    if (!repository) throw new ConflictError(`There is no repository named ${input.repositoryName} in ${input.region}.`);
    return { ok: true, data: { tags: tagOptions(repository.uri, await listImages(conn, input.region, input.repositoryName)) } };
  },
});
