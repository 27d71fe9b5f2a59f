import { z } from "zod";
import { repositoryNameSchema } from "../repositories/schema";

const target = {
  connectionId: z.string().min(1),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
};

export const pickerRepositoriesSchema = z.object(target);
export const pickerTagsSchema = z.object({ ...target, repositoryName: repositoryNameSchema });
