import { z } from "zod";
import { clusterNameSchema } from "../clusters/schema";
import { ruleNameSchema } from "../event-tasks/schema";

/** Why ECS stops a task (the event's detail.stopCode). */
export const STOP_CODES = ["TaskFailedToStart", "EssentialContainerExited", "UserInitiated", "ServiceSchedulerInitiated", "SpotInterruption", "TerminationNotice"] as const;

/** What a deployment alert hears: failures (the circuit breaker's, rollbacks included) or every state change. */
export const DEPLOYMENT_EVENTS = {
  failed: ["SERVICE_DEPLOYMENT_FAILED"],
  all: ["SERVICE_DEPLOYMENT_IN_PROGRESS", "SERVICE_DEPLOYMENT_COMPLETED", "SERVICE_DEPLOYMENT_FAILED"],
} as const;

const MAX_EMAILS = 10;
const email = z.email();

/** One address a line (or comma-separated), checked each; at most 10. */
export function parseEmails(text: string): { emails: string[]; problem: string | null } {
  const emails = [...new Set(text.split(/[\n,;]+/).map((e) => e.trim()).filter(Boolean))];
  if (emails.length > MAX_EMAILS) return { emails, problem: `At most ${MAX_EMAILS} addresses.` };
  const bad = emails.find((e) => e.length > 254 || !email.safeParse(e).success);
  return { emails, problem: bad ? `${bad.slice(0, 80)} is not an e-mail address.` : null };
}

export const createTaskAlertSchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
    cluster: clusterNameSchema,
    clusterArn: z.string().regex(/^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/.+$/, "The cluster's ARN is missing; reload the page."),
    ruleName: ruleNameSchema,
    kind: z.enum(["tasks", "deployments"]).default("tasks"),
    service: z.string().trim().max(255).default(""),
    deploymentEvents: z.enum(["failed", "all"]).default("failed"),
    family: z.string().trim().max(255).default(""),
    when: z.enum(["any", "nonzero", "stopCode"]).default("nonzero"),
    stopCode: z.enum(STOP_CODES).default("EssentialContainerExited"),
    topicMode: z.enum(["create", "existing"]).default("create"),
    topicName: z.string().trim().default(""),
    topicArn: z.string().trim().default(""),
    emails: z.string().max(4096, "At most 4096 characters.").default(""),
    reviewedHash: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.kind === "tasks" && v.family && !/^[A-Za-z0-9_-]{1,255}$/.test(v.family)) issue("family", "A task definition family: letters, digits, - and _.");
    if (v.kind === "deployments" && v.service && !/^[A-Za-z0-9_-]{1,255}$/.test(v.service)) issue("service", "A service name: letters, digits, - and _.");
    if (v.topicMode === "create" && !/^[A-Za-z0-9_-]{1,256}$/.test(v.topicName)) issue("topicName", "Enter a topic name: up to 256 letters, digits, - and _.");
    if (v.topicMode === "existing" && !/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/.test(v.topicArn)) issue("topicArn", "Pick a topic.");
    const { emails, problem } = parseEmails(v.emails);
    if (problem) issue("emails", problem);
    else if (v.topicMode === "create" && emails.length === 0) issue("emails", "Enter at least one e-mail address to send the alerts to.");
  });

export type CreateTaskAlertInput = z.infer<typeof createTaskAlertSchema>;

export const deleteTaskAlertSchema = z.object({
  connectionId: z.string().min(1),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  cluster: clusterNameSchema,
  ruleName: ruleNameSchema,
  reviewedHash: z.string().optional(),
});

export type DeleteTaskAlertInput = z.infer<typeof deleteTaskAlertSchema>;
