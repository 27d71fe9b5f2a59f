import { z } from "zod";
import { int } from "@/lib/core/validation/fields";
import { imageSchema } from "@/lib/express/schema";
import { environmentTarget, versionLabelSchema } from "@/lib/beanstalk/environments/names";

export const deploySchema = z
  .object({
    ...environmentTarget,
    source: z.enum(["image", "version"]).default("image"),
    image: z.string().trim().max(2048).default(""),
    containerPort: int("The container port", 1, 65535).default(80),
    bundleFormat: z.enum(["dockerrun", "compose"]).default("dockerrun"),
    versionLabel: versionLabelSchema,
  })
  .superRefine((v, ctx) => {
    if (v.source !== "image") return;
    const image = imageSchema.safeParse(v.image);
    if (!image.success) ctx.addIssue({ code: "custom", path: ["image"], message: image.error.issues[0]?.message ?? "Enter an image." });
  });
export type DeployInput = z.infer<typeof deploySchema>;

export const ENVIRONMENT_OPERATIONS = ["rebuild", "terminate"] as const;
export const environmentOperationSchema = z.object({ ...environmentTarget, operation: z.enum(ENVIRONMENT_OPERATIONS) });
export type EnvironmentOperationInput = z.infer<typeof environmentOperationSchema>;
