import { z } from "zod";

// AWS tag rules: up to 50 per resource; keys 1–128, values 0–256 characters;
// the aws: prefix is reserved for AWS.
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export const tagSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1, "Enter a tag key.")
    .max(128, "Tag keys are at most 128 characters.")
    .regex(TAG_CHARS, "Tag keys may use letters, digits, spaces and _ . : / = + - @")
    .refine((k) => !k.toLowerCase().startsWith("aws:"), "Tag keys starting with aws: are reserved for AWS."),
  value: z
    .string()
    .trim()
    .max(256, "Tag values are at most 256 characters.")
    .regex(TAG_CHARS, "Tag values may use letters, digits, spaces and _ . : / = + - @"),
});

export const tagsSchema = z
  .array(tagSchema)
  .max(50, "A resource can have at most 50 tags.")
  .default([])
  .superRefine((tags, ctx) => {
    const seen = new Set<string>();
    tags.forEach((tag, i) => {
      if (seen.has(tag.key)) ctx.addIssue({ code: "custom", path: [i, "key"], message: `Tag key "${tag.key}" is used twice.` });
      seen.add(tag.key);
    });
  });

export type Tag = z.infer<typeof tagSchema>;
