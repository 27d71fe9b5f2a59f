import { z } from "zod";
import { ruleNameSchema } from "../event-tasks/schema";

const target = {
  connectionId: z.string().min(1, "Pick a connection."),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
  ruleName: ruleNameSchema,
  reviewedHash: z.string().optional(),
};

/** Enable or disable one rule of the default bus. */
export const setRuleStateSchema = z.object({ ...target, state: z.enum(["ENABLED", "DISABLED"]) });
export type SetRuleStateInput = z.infer<typeof setRuleStateSchema>;

/** Delete one rule of the default bus (its targets first). */
export const deleteRuleSchema = z.object(target);
export type DeleteRuleInput = z.infer<typeof deleteRuleSchema>;
