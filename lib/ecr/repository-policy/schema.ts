import { z } from "zod";
import { repositoryNameSchema } from "../repositories/schema";
import { MAX_POLICY_TEXT, policyProblem } from "./policy";

const target = {
  connectionId: z.string().min(1),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
  repositoryName: repositoryNameSchema,
  reviewedHash: z.string().optional(),
};

/** SetRepositoryPolicy's input: the policy text, checked as IAM would before any AWS call. */
export const setRepositoryPolicySchema = z.object({
  ...target,
  policyText: z
    .string()
    .max(MAX_POLICY_TEXT, `A repository policy is at most ${MAX_POLICY_TEXT.toLocaleString("en-US")} characters.`)
    .superRefine((text, ctx) => {
      const problem = policyProblem(text);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
});

export type SetRepositoryPolicyInput = z.infer<typeof setRepositoryPolicySchema>;

export const deleteRepositoryPolicySchema = z.object(target);

export type DeleteRepositoryPolicyInput = z.infer<typeof deleteRepositoryPolicySchema>;
