import { z } from "zod";
import { repositoryNameSchema } from "../repositories/schema";

// ECR's limits: a policy text of at most 30,720 characters; tag prefixes and patterns of letters,
// digits and . _ - (patterns also *, at most 4 per pattern); priorities unique positive integers.
export const MAX_POLICY_LENGTH = 30_720;
export const MAX_RULES = 50;
const TAG_PART = /^[a-zA-Z0-9._-]+$/;
const TAG_PATTERN = /^[a-zA-Z0-9._*-]+$/;

const list = (v: string) => v.split(",").map((s) => s.trim()).filter(Boolean);

export const ruleSchema = z
  .object({
    priority: z.coerce.number({ message: "Enter a whole number." }).int("Enter a whole number.").min(1, "Priorities start at 1.").max(1000, "Use a priority up to 1000."),
    description: z.string().trim().max(256, "At most 256 characters.").default(""),
    tagStatus: z.enum(["tagged", "untagged", "any"]),
    tagMatch: z.enum(["prefix", "pattern"]).default("prefix"),
    tags: z.string().trim().max(1000, "At most 1,000 characters.").default(""),
    countType: z.enum(["imageCountMoreThan", "sinceImagePushed"]),
    countNumber: z.coerce.number({ message: "Enter a whole number." }).int("Enter a whole number.").min(1, "Enter at least 1.").max(100_000, "Enter at most 100,000."),
  })
  .superRefine((r, ctx) => {
    const tags = list(r.tags);
    if (r.tagStatus === "tagged" && tags.length === 0) ctx.addIssue({ code: "custom", path: ["tags"], message: "A rule for tagged images needs at least one tag prefix or pattern." });
    if (r.tagStatus !== "tagged" && tags.length > 0) ctx.addIssue({ code: "custom", path: ["tags"], message: "Only a rule for tagged images takes tag prefixes or patterns." });
    if (tags.length > 100) ctx.addIssue({ code: "custom", path: ["tags"], message: "At most 100 prefixes or patterns." });
    for (const t of tags) {
      if (r.tagMatch === "prefix" && !TAG_PART.test(t)) ctx.addIssue({ code: "custom", path: ["tags"], message: `Prefix "${t.slice(0, 40)}" may use only letters, digits, . _ and -.` });
      if (r.tagMatch === "pattern" && !TAG_PATTERN.test(t)) ctx.addIssue({ code: "custom", path: ["tags"], message: `Pattern "${t.slice(0, 40)}" may use only letters, digits, . _ - and *.` });
      if (r.tagMatch === "pattern" && (t.match(/\*/g) ?? []).length > 4) ctx.addIssue({ code: "custom", path: ["tags"], message: `Pattern "${t.slice(0, 40)}" has more than 4 wildcards.` });
    }
  });

export type RuleInput = z.input<typeof ruleSchema>;
export type Rule = z.output<typeof ruleSchema>;

/** The rules of one policy, with the checks ECR makes across rules. */
export const rulesSchema = z
  .array(ruleSchema)
  .min(1, "Add at least one rule.")
  .max(MAX_RULES, `At most ${MAX_RULES} rules.`)
  .superRefine((rules, ctx) => {
    const seen = new Set<number>();
    rules.forEach((r, i) => {
      if (seen.has(r.priority)) ctx.addIssue({ code: "custom", path: [i, "priority"], message: `Priority ${r.priority} is used by another rule.` });
      seen.add(r.priority);
    });
    const highest = Math.max(...rules.map((r) => r.priority));
    rules.forEach((r, i) => {
      if (r.tagStatus === "any" && r.priority !== highest) {
        ctx.addIssue({ code: "custom", path: [i, "priority"], message: "A rule for any image must have the highest priority number (it is evaluated last)." });
      }
    });
  });

export { list as tagList };

const target = {
  connectionId: z.string().min(1),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
  repositoryName: repositoryNameSchema,
};

/** Preview and apply take the policy as ECR does: its JSON text, checked again on the server. */
export const lifecyclePolicySchema = z.object({
  ...target,
  policyText: z.string().min(2, "The policy is empty.").max(MAX_POLICY_LENGTH, `A lifecycle policy is at most ${MAX_POLICY_LENGTH.toLocaleString("en-US")} characters.`),
  reviewedHash: z.string().optional(),
});

export type LifecyclePolicyInput = z.infer<typeof lifecyclePolicySchema>;
