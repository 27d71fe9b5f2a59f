import { z } from "zod";
import { clusterNameSchema } from "../clusters/schema";
import { serviceNameSchema } from "./schema";
import { imageSchema } from "../task-definitions/schema";

/** Which service an action changes; hidden fields of every service action form. */
const target = {
  connectionId: z.string().min(1, "Pick a connection."),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
  cluster: clusterNameSchema,
  service: serviceNameSchema,
  reviewedHash: z.string().optional(),
};

/** UpdateService accepts 0–5000 tasks per service; an empty box is not 0. */
export const MAX_DESIRED = 5000;
const desiredCount = z
  .union([z.number(), z.string().trim()])
  .refine((v) => (typeof v === "number" ? Number.isInteger(v) : /^-?\d+$/.test(v)), "Enter a whole number of tasks.")
  .transform(Number)
  .refine((n) => n >= 0 && n <= MAX_DESIRED, `A service runs 0 to ${MAX_DESIRED} tasks.`);

/** "family:revision", as ECS names a task definition revision. */
export const revisionSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,255}:[1-9]\d*$/, "Pick a revision (family:revision).");

export const scaleServiceSchema = z.object({ ...target, desiredCount });
export type ScaleServiceInput = z.infer<typeof scaleServiceSchema>;

/**
 * Deploy either a new image for one container (a new revision copied from the running one)
 * or an existing revision of the family.
 */
export const deployServiceSchema = z.discriminatedUnion("mode", [
  z.object({ ...target, mode: z.literal("image"), container: z.string().trim().min(1, "Pick a container."), image: imageSchema }),
  z.object({ ...target, mode: z.literal("revision"), taskDefinition: revisionSchema }),
]);
export type DeployServiceInput = z.infer<typeof deployServiceSchema>;

export const forceDeploymentSchema = z.object(target);
export type ForceDeploymentInput = z.infer<typeof forceDeploymentSchema>;

/** ECS task ids are 32 hex digits (older ones UUIDs); accepted as the id or the full task ARN. */
const TASK = /^(arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task\/[A-Za-z0-9_-]+\/)?[A-Za-z0-9-]{1,64}$/;

export const stopTaskSchema = z.object({
  ...target,
  task: z.string().trim().regex(TASK, "Pick a task of this service."),
  reason: z.string().trim().min(1, "Say why the task is stopped; ECS shows it with the task.").max(255, "ECS keeps at most 255 characters of the reason."),
});
export type StopTaskInput = z.infer<typeof stopTaskSchema>;

export const rollbackSchema = z
  .object({ ...target, fromTaskDefinition: revisionSchema, toTaskDefinition: revisionSchema })
  .refine((v) => v.fromTaskDefinition !== v.toTaskDefinition, { path: ["toTaskDefinition"], message: "The service already runs this revision." });
export type RollbackInput = z.infer<typeof rollbackSchema>;

/** The last part of a task ARN: what people and the console call the task. */
export const taskIdOf = (task: string) => task.split("/").pop() ?? task;
