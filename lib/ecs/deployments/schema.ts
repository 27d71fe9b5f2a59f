import { z } from "zod";
import { clusterNameSchema } from "../clusters/schema";
import { serviceNameSchema } from "../services/schema";

/** arn:aws:ecs:<region>:<account>:service-deployment/<cluster>/<service>/<id> */
const SERVICE_DEPLOYMENT_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:service-deployment\/[A-Za-z0-9_-]{1,255}\/[A-Za-z0-9_-]{1,255}\/[A-Za-z0-9_-]{1,64}$/;

/** "Roll back now": StopServiceDeployment with ROLLBACK on one in-progress deployment of the service. */
export const rollbackDeploymentSchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
    cluster: clusterNameSchema,
    service: serviceNameSchema,
    serviceDeploymentArn: z.string().trim().regex(SERVICE_DEPLOYMENT_ARN, "Pick a deployment of this service."),
    reviewedHash: z.string().optional(),
  })
  .refine((v) => v.serviceDeploymentArn.split("/").slice(1, 3).join("/") === `${v.cluster}/${v.service}`, {
    path: ["serviceDeploymentArn"],
    message: "This deployment belongs to another service.",
  });
export type RollbackDeploymentInput = z.infer<typeof rollbackDeploymentSchema>;

/** "Roll back to this revision": UpdateService to the task definition (and strategy) of one completed deployment of the service. */
export const rollbackToRevisionSchema = rollbackDeploymentSchema;
export type RollbackToRevisionInput = RollbackDeploymentInput;

/** ECS's pause hook ids ("ecs-pause-…"): bounded, URL-safe. */
const HOOK_ID = /^[A-Za-z0-9_-]{1,200}$/;

/** Continue (or roll back) a deployment held by a pause hook: ContinueServiceDeployment. */
export const continueDeploymentSchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
    cluster: clusterNameSchema,
    service: serviceNameSchema,
    serviceDeploymentArn: z.string().trim().regex(SERVICE_DEPLOYMENT_ARN, "Pick a deployment of this service."),
    hookId: z.string().trim().regex(HOOK_ID, "This is not a pause hook of the deployment."),
    action: z.enum(["CONTINUE", "ROLLBACK"], { message: "Choose Continue or Roll back." }),
    reviewedHash: z.string().optional(),
  })
  .refine((v) => v.serviceDeploymentArn.split("/").slice(1, 3).join("/") === `${v.cluster}/${v.service}`, {
    path: ["serviceDeploymentArn"],
    message: "This deployment belongs to another service.",
  });
export type ContinueDeploymentInput = z.infer<typeof continueDeploymentSchema>;
