import { z } from "zod";
import { tagsSchema } from "@/lib/core/validation/tags";

const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region.");

// ECR's pattern: lowercase components joined by . _ or -, namespaces separated by /; 2–256 characters.
const NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** A repository name as ECR accepts it, with the reason when it does not. */
export const repositoryNameSchema = z
  .string()
  .trim()
  .min(2, "Repository names are at least 2 characters.")
  .max(256, "Repository names are at most 256 characters.")
  .refine((v) => v === v.toLowerCase(), "Use lowercase letters only.")
  .refine((v) => !v.startsWith("/") && !v.endsWith("/") && !v.includes("//"), "Namespaces are separated by single slashes, with none at the start or end.")
  .regex(NAME, "Use lowercase letters and digits, with . _ or - between them (not at the start or end of a part), and / between namespaces.");

/** An exclusion filter: a tag wildcard of letters, digits, . _ - and * (ECR: 1–128 characters). */
export const tagFilterSchema = z
  .string()
  .trim()
  .min(1, "Enter a tag filter such as release-* or latest.")
  .max(128, "Tag filters are at most 128 characters.")
  .regex(/^[0-9a-zA-Z._*-]+$/, "Use letters, digits, . _ - and * (a wildcard).");

// A KMS key as CreateRepository takes it: key id, key ARN, alias name or alias ARN.
const KMS_KEY = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|alias\/[a-zA-Z0-9/_-]{1,250}|arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(?:key\/[a-zA-Z0-9-]+|alias\/[a-zA-Z0-9/_-]+))$/;

export const createRepositorySchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region,
    repositoryName: repositoryNameSchema,
    tagMutability: z.enum(["MUTABLE", "IMMUTABLE"]).default("MUTABLE"),
    mutabilityExclusions: z.array(tagFilterSchema).max(5, "At most 5 exclusion filters.").default([]),
    scanOnPush: z.union([z.boolean(), z.enum(["true", "false", "on"])]).default(false).transform((v) => v === true || v === "true" || v === "on"),
    encryption: z.enum(["AES256", "KMS"]).default("AES256"),
    kmsKey: z.string().trim().max(2048).default(""),
    tags: tagsSchema,
    reviewedHash: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kmsKey && !KMS_KEY.test(v.kmsKey)) {
      ctx.addIssue({ code: "custom", path: ["kmsKey"], message: "Enter a KMS key id, key ARN, alias/name or alias ARN, or leave it empty for the AWS managed key (aws/ecr)." });
    }
    const seen = new Set<string>();
    v.mutabilityExclusions.forEach((f, i) => {
      if (seen.has(f)) ctx.addIssue({ code: "custom", path: ["mutabilityExclusions", i], message: `Filter ${f} is listed twice.` });
      seen.add(f);
    });
  });

export type CreateRepositoryInput = z.infer<typeof createRepositorySchema>;

export const deleteRepositorySchema = z.object({
  connectionId: z.string().min(1),
  region,
  repositoryName: repositoryNameSchema,
  /** "force" typed in the dialog: the repository's images are deleted with it. */
  confirmForce: z.string().trim().max(16).default(""),
  reviewedHash: z.string().optional(),
});

export type DeleteRepositoryInput = z.infer<typeof deleteRepositorySchema>;

/** An image digest as ECR gives it. */
export const digestSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/, "Not an image digest.");

export const deleteImagesSchema = z.object({
  connectionId: z.string().min(1),
  region,
  repositoryName: repositoryNameSchema,
  // BatchDeleteImage takes at most 100 image ids per call.
  digests: z.array(digestSchema).min(1, "Pick at least one image.").max(100, "Delete at most 100 images at a time."),
  reviewedHash: z.string().optional(),
});

export type DeleteImagesInput = z.infer<typeof deleteImagesSchema>;
