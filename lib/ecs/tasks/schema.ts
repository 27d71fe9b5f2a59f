import { z } from "zod";
import { clusterNameSchema } from "../clusters/schema";

/** family:revision, as AWS names a task definition revision. */
export const taskDefinitionRef = z
  .string()
  .trim()
  .min(1, "Pick a task definition.")
  .regex(/^[A-Za-z0-9_-]{1,255}:\d+$/, "Use family:revision, e.g. web:3.");

const envName = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const environmentSchema = z
  .array(
    z.object({
      name: z.string().trim().min(1, "Enter a name.").regex(envName, "Letters, digits and _; not starting with a digit."),
      value: z.string().max(32768, "At most 32 KiB."),
    }),
  )
  .default([]);

/** Subnets, security groups and public IP for awsvpc tasks (what Fargate always uses). */
export const networkSchema = {
  subnets: z.array(z.string().regex(/^subnet-[0-9a-f]+$/, "Pick subnets from the list.")).max(16, "At most 16 subnets.").default([]),
  securityGroups: z.array(z.string().regex(/^sg-[0-9a-f]+$/, "Pick security groups from the list.")).max(5, "At most 5 security groups.").default([]),
  assignPublicIp: z.enum(["ENABLED", "DISABLED"]).default("DISABLED"),
};

export const runTaskSchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
    cluster: clusterNameSchema,
    taskDefinition: taskDefinitionRef,
    count: z.coerce.number({ message: "Enter a whole number." }).int("Enter a whole number.").min(1, "Run 1 to 10 tasks at a time.").max(10, "Run 1 to 10 tasks at a time.").default(1),
    compute: z.enum(["launchType", "capacityProvider"]).default("launchType"),
    launchType: z.enum(["FARGATE", "EC2"]).default("FARGATE"),
    capacityProvider: z.string().trim().default(""),
    /** The task definition's network mode, sent along so the schema knows whether networking applies. */
    networkMode: z.enum(["awsvpc", "bridge", "host", "none"]).default("awsvpc"),
    ...networkSchema,
    containerName: z.string().trim().default(""),
    /** One argument per line, as the container's command array. */
    command: z.string().default(""),
    environment: environmentSchema,
    reviewedHash: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.compute === "capacityProvider" && !v.capacityProvider) ctx.addIssue({ code: "custom", path: ["capacityProvider"], message: "Pick a capacity provider." });
    const fargate = v.compute === "launchType" ? v.launchType === "FARGATE" : v.capacityProvider.startsWith("FARGATE");
    if (fargate && v.networkMode !== "awsvpc") ctx.addIssue({ code: "custom", path: ["taskDefinition"], message: "Fargate runs only task definitions with the awsvpc network mode." });
    if (v.networkMode === "awsvpc") {
      if (v.subnets.length === 0) ctx.addIssue({ code: "custom", path: ["subnets"], message: "Pick at least one subnet." });
      if (v.securityGroups.length === 0) ctx.addIssue({ code: "custom", path: ["securityGroups"], message: "Pick at least one security group." });
    }
    const overriding = v.command.trim() !== "" || v.environment.length > 0;
    if (overriding && !v.containerName) ctx.addIssue({ code: "custom", path: ["containerName"], message: "Pick the container the overrides apply to." });
  });

export type RunTaskInput = z.infer<typeof runTaskSchema>;

export function commandArgs(command: string): string[] {
  return command.split("\n").map((l) => l.trim()).filter(Boolean);
}

/**
 * A rule's or schedule's target role, checked as the person picks it: does it let the service
 * (EventBridge, Scheduler) run this task definition in this cluster? Shared by the schedule and
 * event-task wizards' role checks.
 */
export const targetRoleCheckSchema = z.object({
  connectionId: z.string().min(1),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  clusterArn: z.string().regex(/^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/.+$/),
  taskDefinition: taskDefinitionRef,
  roleArn: z.string().trim().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/),
});
