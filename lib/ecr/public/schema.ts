import { z } from "zod";

/** ECR Public's API is served from us-east-1 only. */
export const PUBLIC_REGION = "us-east-1";

export const ARCHITECTURES = ["ARM", "ARM 64", "x86", "x86-64"] as const;
export const OPERATING_SYSTEMS = ["Linux", "Windows"] as const;

// ECR Public's pattern: lowercase parts joined by . _ or -, namespaces by /; 2–205 characters.
const NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

export const publicRepositoryNameSchema = z
  .string()
  .trim()
  .min(2, "Repository names are at least 2 characters.")
  .max(205, "Public repository names are at most 205 characters.")
  .refine((v) => v === v.toLowerCase(), "Use lowercase letters only.")
  .refine((v) => !v.startsWith("/") && !v.endsWith("/") && !v.includes("//"), "Namespaces are separated by single slashes, with none at the start or end.")
  .regex(NAME, "Use lowercase letters and digits, with . _ or - between them (not at the start or end of a part), and / between namespaces.");

const region = z.literal(PUBLIC_REGION, { message: "ECR Public repositories are managed in us-east-1 only." });
// Checkboxes send the value once per ticked box; a single one arrives as a string.
const picks = <T extends string>(allowed: readonly [T, ...T[]]) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(allowed, { message: `Pick from ${allowed.join(", ")}.` })).max(allowed.length));

export const createPublicRepositorySchema = z.object({
  connectionId: z.string().min(1, "Pick a connection."),
  region,
  repositoryName: publicRepositoryNameSchema,
  description: z.string().trim().max(1024, "At most 1,024 characters.").default(""),
  aboutText: z.string().max(25_600, "At most 25,600 characters.").default(""),
  usageText: z.string().max(25_600, "At most 25,600 characters.").default(""),
  architectures: picks(ARCHITECTURES),
  operatingSystems: picks(OPERATING_SYSTEMS),
  reviewedHash: z.string().optional(),
});

export type CreatePublicRepositoryInput = z.infer<typeof createPublicRepositorySchema>;

export const deletePublicRepositorySchema = z.object({
  connectionId: z.string().min(1),
  region,
  repositoryName: publicRepositoryNameSchema,
  /** "force" typed in the dialog: the repository's images are deleted with it. */
  confirmForce: z.string().trim().max(16).default(""),
  reviewedHash: z.string().optional(),
});

export type DeletePublicRepositoryInput = z.infer<typeof deletePublicRepositorySchema>;
