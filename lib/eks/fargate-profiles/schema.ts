import { z } from "zod";
import { eksNameSchema, eksTarget, labelsSchema, roleArnSchema } from "../nodegroups/schema";
import { pluralWord } from "@/lib/core/format/plural";

export const FARGATE_ROLE = {
  name: "AmazonEKSFargatePodExecutionRole",
  principal: "eks-fargate-pods.amazonaws.com",
  policyArn: "arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy",
};

/** Kubernetes namespace (a DNS label); EKS also accepts * and ? wildcards in selectors. */
const namespaceSchema = z
  .string()
  .trim()
  .min(1, "Enter a namespace.")
  .max(63, "Namespaces are at most 63 characters.")
  .regex(/^[a-z0-9*?]([a-z0-9*?-]*[a-z0-9*?])?$/, "Namespaces use lowercase letters, digits and -, start and end with a letter or digit (* and ? match any).");

export const selectorSchema = z.object({ namespace: namespaceSchema, labels: labelsSchema(5, "labels per selector") });

/**
 * The Fargate profile form. `publicSubnets` are the subnets the caller knows route to an
 * internet gateway (from lib/vpc/reads); Fargate pods run only in private subnets.
 */
export function fargateProfileSchema(publicSubnets: string[] = []) {
  return z
    .object({
      ...eksTarget,
      fargateProfileName: eksNameSchema("profile"),
      podRoleMode: z.enum(["create", "existing"]).default("create"),
      podRoleArn: z.string().trim().default(""),
      subnets: z.array(z.string().regex(/^subnet-[0-9a-f]+$/, "Pick subnets from the list.")).default([]),
      selectors: z.array(selectorSchema).min(1, "Add at least one selector.").max(5, "A profile has at most 5 selectors.").default([]),
      reviewedHash: z.string().optional(),
    })
    .superRefine((v, ctx) => {
      if (v.podRoleMode === "existing" && !roleArnSchema.safeParse(v.podRoleArn).success) ctx.addIssue({ code: "custom", path: ["podRoleArn"], message: "Pick a pod execution role." });
      if (v.subnets.length === 0) ctx.addIssue({ code: "custom", path: ["subnets"], message: "Pick at least one private subnet." });
      const open = v.subnets.filter((s) => publicSubnets.includes(s));
      if (open.length) {
        ctx.addIssue({ code: "custom", path: ["subnets"], message: `Fargate runs pods only in private subnets; ${open.join(", ")} ${pluralWord(open.length, "routes", "route")} to an internet gateway.` });
      }
    });
}

export const createFargateProfileSchema = fargateProfileSchema();
export type CreateFargateProfileInput = z.infer<typeof createFargateProfileSchema>;

export const deleteFargateProfileSchema = z.object({ ...eksTarget, fargateProfileName: eksNameSchema("profile"), reviewedHash: z.string().optional() });
export type DeleteFargateProfileInput = z.infer<typeof deleteFargateProfileSchema>;
