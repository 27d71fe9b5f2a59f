import { z } from "zod";
import { tagsSchema } from "./tags";

/** AWS: up to 255 letters (upper and lowercase), numbers, underscores, and hyphens. */
export const clusterNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a cluster name.")
  .max(255, "Cluster names are at most 255 characters.")
  .regex(/^[A-Za-z0-9_-]+$/, "Use only letters, digits, hyphens (-) and underscores (_); no spaces.");

const weight = z.coerce
  .number({ message: "Enter a whole number." })
  .int("Enter a whole number.")
  .min(0, "Weight is 0 to 1000.")
  .max(1000, "Weight is 0 to 1000.");
const base = z.coerce
  .number({ message: "Enter a whole number." })
  .int("Enter a whole number.")
  .min(0, "Base is 0 to 100000.")
  .max(100000, "Base is 0 to 100000.");

export const CONTAINER_INSIGHTS = ["disabled", "enabled", "enhanced"] as const;

export const createClusterSchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
    clusterName: clusterNameSchema,
    containerInsights: z.enum(CONTAINER_INSIGHTS).default("disabled"),
    fargateWeight: weight.default(1),
    fargateBase: base.default(0),
    spotWeight: weight.default(0),
    spotBase: base.default(0),
    tags: tagsSchema,
    /** Hash of the plan the person reviewed; the confirm step refuses a plan that differs. */
    reviewedHash: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.fargateWeight === 0 && v.spotWeight === 0) {
      ctx.addIssue({ code: "custom", path: ["fargateWeight"], message: "At least one capacity provider needs a weight above 0." });
    }
    // ECS allows a base on only one provider of a strategy.
    if (v.fargateBase > 0 && v.spotBase > 0) {
      ctx.addIssue({ code: "custom", path: ["spotBase"], message: "Only one capacity provider can have a base; set the other to 0." });
    }
  });

export type CreateClusterInput = z.infer<typeof createClusterSchema>;
