import { z } from "zod";
import { int } from "@/lib/core/validation/fields";
import { ZIP_BASE64_MAX } from "@/lib/beanstalk/bundles/parse";
import { imageSchema } from "@/lib/express/schema";
import { environmentTarget, versionLabelSchema } from "@/lib/beanstalk/environments/names";

export const deploySchema = z
  .object({
    ...environmentTarget,
    source: z.enum(["image", "version", "zip"]).default("image"),
    image: z.string().trim().max(2048).default(""),
    containerPort: int("The container port", 1, 65535).default(80),
    bundleFormat: z.enum(["dockerrun", "compose"]).default("dockerrun"),
    // A zip bundle as base64: its shape here, its contents on the server (zip-bundle.ts) before any AWS call.
    bundleZip: z
      .string()
      .max(ZIP_BASE64_MAX, "Zip bundles uploaded here are at most 5 MB.")
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, "The zip did not arrive whole: choose the file again.")
      .default(""),
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
