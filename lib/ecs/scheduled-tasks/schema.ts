import { z } from "zod";
import { scheduleProblem } from "@/lib/ecs/scheduled-tasks/expression";
import { isTimeZone } from "@/lib/ecs/scheduled-tasks/next-runs";
import { clusterNameSchema } from "../clusters/schema";
import { networkSchema, taskDefinitionRef } from "../tasks/schema";

/** EventBridge Scheduler: names are 1–64 of letters, digits, . - _ */
export const scheduleNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a schedule name.")
  .max(64, "Schedule names are at most 64 characters.")
  .regex(/^[0-9a-zA-Z-_.]+$/, "Use only letters, digits, periods (.), hyphens (-) and underscores (_).");

export const createScheduleSchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
    cluster: clusterNameSchema,
    clusterArn: z.string().regex(/^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/.+$/, "The cluster's ARN is missing; reload the page."),
    scheduleName: scheduleNameSchema,
    description: z.string().trim().max(512, "At most 512 characters.").default(""),
    expression: z.string().trim().min(1, "Enter a rate or cron expression.").superRefine((v, ctx) => {
      const problem = scheduleProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    timezone: z.string().trim().default("UTC").refine(isTimeZone, "Pick an IANA time zone such as UTC or Europe/Berlin."),
    taskDefinition: taskDefinitionRef,
    count: z.coerce.number({ message: "Enter a whole number." }).int("Enter a whole number.").min(1, "Run 1 to 10 tasks each time.").max(10, "Run 1 to 10 tasks each time.").default(1),
    ...networkSchema,
    roleMode: z.enum(["existing", "create"]).default("create"),
    roleArn: z.string().trim().default(""),
    reviewedHash: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.subnets.length === 0) ctx.addIssue({ code: "custom", path: ["subnets"], message: "Pick at least one subnet." });
    if (v.securityGroups.length === 0) ctx.addIssue({ code: "custom", path: ["securityGroups"], message: "Pick at least one security group." });
    if (v.roleMode === "existing" && !/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(v.roleArn)) {
      ctx.addIssue({ code: "custom", path: ["roleArn"], message: "Pick a role that EventBridge Scheduler can assume." });
    }
  });

export type CreateScheduleInput = z.infer<typeof createScheduleSchema>;

export const deleteScheduleSchema = z.object({
  connectionId: z.string().min(1),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  cluster: clusterNameSchema,
  scheduleName: scheduleNameSchema,
  groupName: z.string().trim().min(1).default("default"),
  reviewedHash: z.string().optional(),
});

export type DeleteScheduleInput = z.infer<typeof deleteScheduleSchema>;
