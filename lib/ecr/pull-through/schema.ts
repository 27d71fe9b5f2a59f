import { z } from "zod";

/** The upstream registries Portside offers, as the console names them. */
export const UPSTREAMS = {
  "public.ecr.aws": { label: "Amazon ECR Public", credential: "none" },
  "registry-1.docker.io": { label: "Docker Hub", credential: "required" },
  "quay.io": { label: "Quay", credential: "optional" },
} as const;

export type UpstreamUrl = keyof typeof UPSTREAMS;

// ECR's rule: 2–30 characters, lowercase parts joined by . _ - and namespaces by /.
const PREFIX = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
// Pull-through credentials live in Secrets Manager under a name ECR requires: ecr-pullthroughcache/….
const CREDENTIAL_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z]{2}(?:-[a-z]+)+-\d:\d{12}:secret:ecr-pullthroughcache\/[A-Za-z0-9/_+=.@-]{1,400}$/;

const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region.");

export const prefixSchema = z
  .string()
  .trim()
  .min(2, "A prefix is at least 2 characters.")
  .max(30, "A prefix is at most 30 characters.")
  .regex(PREFIX, "Use lowercase letters and digits, with . _ or - between them, and / between namespaces.");

export const createPullThroughRuleSchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region,
    ecrRepositoryPrefix: prefixSchema,
    upstreamRegistryUrl: z.enum(Object.keys(UPSTREAMS) as [UpstreamUrl, ...UpstreamUrl[]], { message: "Pick an upstream registry." }),
    credentialArn: z.string().trim().max(2048, "At most 2,048 characters.").default(""),
    reviewedHash: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    const need = UPSTREAMS[v.upstreamRegistryUrl].credential;
    if (need === "required" && !v.credentialArn) ctx.addIssue({ code: "custom", path: ["credentialArn"], message: "Docker Hub needs credentials: the ARN of a Secrets Manager secret named ecr-pullthroughcache/…" });
    if (need === "none" && v.credentialArn) ctx.addIssue({ code: "custom", path: ["credentialArn"], message: "ECR Public takes no credentials: leave this empty." });
    if (v.credentialArn && !CREDENTIAL_ARN.test(v.credentialArn)) {
      ctx.addIssue({ code: "custom", path: ["credentialArn"], message: "Enter a Secrets Manager secret ARN whose name starts with ecr-pullthroughcache/ (ECR requires that prefix)." });
    }
  });

export type CreatePullThroughRuleInput = z.infer<typeof createPullThroughRuleSchema>;

export const deletePullThroughRuleSchema = z.object({
  connectionId: z.string().min(1),
  region,
  ecrRepositoryPrefix: prefixSchema,
  reviewedHash: z.string().optional(),
});

export type DeletePullThroughRuleInput = z.infer<typeof deletePullThroughRuleSchema>;
