import { z } from "zod";
import { int } from "@/lib/core/validation/fields";
import { bundleZipField } from "@/lib/beanstalk/bundles/upload-id";
import { imageSchema } from "@/lib/express/schema";
import { environmentTarget, versionLabelSchema } from "@/lib/beanstalk/environments/names";

export const deploySchema = z
  .object({
    ...environmentTarget,
    source: z.enum(["image", "version", "zip"]).default("image"),
    image: z.string().trim().max(2048).default(""),
    containerPort: int("The container port", 1, 65535).default(80),
    bundleFormat: z.enum(["dockerrun", "compose"]).default("dockerrun"),
    // A zip bundle: the id of its checked upload (the action loads it for the signed-in person only).
    bundleZip: bundleZipField,
    versionLabel: versionLabelSchema,
  })
  .superRefine((v, ctx) => {
    if (v.source === "zip" && !v.bundleZip) ctx.addIssue({ code: "custom", path: ["bundleZip"], message: "Choose a zip bundle with a Dockerrun.aws.json or docker-compose.yml at its root." });
    if (v.source !== "image") return;
    const image = imageSchema.safeParse(v.image);
    if (!image.success) ctx.addIssue({ code: "custom", path: ["image"], message: image.error.issues[0]?.message ?? "Enter an image." });
  });
export type DeployInput = z.infer<typeof deploySchema>;

export const ENVIRONMENT_OPERATIONS = ["rebuild", "terminate"] as const;
export const environmentOperationSchema = z.object({ ...environmentTarget, operation: z.enum(ENVIRONMENT_OPERATIONS) });
export type EnvironmentOperationInput = z.infer<typeof environmentOperationSchema>;
