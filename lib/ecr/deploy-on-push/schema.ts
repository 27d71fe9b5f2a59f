import { z } from "zod";
import { repositoryNameSchema } from "@/lib/ecr/repositories/schema";
import { clusterNameSchema } from "@/lib/ecs/clusters/schema";
import { serviceNameSchema } from "@/lib/ecs/services/schema";
import { TagPatternError, parseTagPattern } from "./pattern";

/** The service a rule belongs to: hidden fields of every deploy-on-push form. */
const target = {
  connectionId: z.string().min(1, "Pick a connection.").max(64),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
  cluster: clusterNameSchema,
  service: serviceNameSchema,
};

export const tagPatternSchema = z.string().superRefine((raw, ctx) => {
  try {
    parseTagPattern(raw);
  } catch (error) {
    if (!(error instanceof TagPatternError)) throw error;
    ctx.addIssue({ code: "custom", message: error.message });
  }
}).transform((raw) => raw.trim());

export const DEPLOY_MODES = ["propose", "auto"] as const;

const ruleFields = {
  repository: repositoryNameSchema,
  tagPattern: tagPatternSchema,
  mode: z.enum(DEPLOY_MODES, { message: "Pick what happens on a push." }),
};

const ruleId = z.string().regex(/^[a-z0-9]{10,40}$/, "Not a rule.");

export const createRuleSchema = z.object({ ...target, ...ruleFields });
export type CreateRuleInput = z.infer<typeof createRuleSchema>;

export const updateRuleSchema = z.object({ ...target, ...ruleFields, ruleId });
export type UpdateRuleInput = z.infer<typeof updateRuleSchema>;

export const ruleActionSchema = z.object({ ...target, ruleId });
export type RuleActionInput = z.infer<typeof ruleActionSchema>;

/** A proposal on the service page: reviewed and run, or dismissed. */
export const proposalSchema = z.object({ ...target, eventId: ruleId, reviewedHash: z.string().optional() });
export type ProposalInput = z.infer<typeof proposalSchema>;
