import { z } from "zod";
import { patternProblem } from "@/lib/ecs/event-tasks/pattern";
import { clusterNameSchema } from "../clusters/schema";
import { networkSchema, taskDefinitionRef } from "../tasks/schema";

const regionSchema = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region.");
const envName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** EventBridge rule names: 1–64 of letters, digits, . - _ */
export const ruleNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a rule name.")
  .max(64, "Rule names are at most 64 characters.")
  .regex(/^[.\-_A-Za-z0-9]+$/, "Use only letters, digits, periods (.), hyphens (-) and underscores (_).");

/** S3 bucket names: 3–63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit. */
export const bucketNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "Pick a bucket (3–63 lowercase letters, digits, . and -).");

const variable = (label: string) => z.string().trim().min(1, `Enter the ${label} variable's name.`).max(255, "At most 255 characters.").regex(envName, "Letters, digits and _; not starting with a digit.");

export const createEventTaskSchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region: regionSchema,
    cluster: clusterNameSchema,
    clusterArn: z.string().regex(/^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/.+$/, "The cluster's ARN is missing; reload the page."),
    ruleName: ruleNameSchema,
    description: z.string().trim().max(512, "At most 512 characters.").default(""),
    source: z.enum(["s3", "pattern"]).default("s3"),
    /** Pick a bucket, or create one (CreateBucket in the plan, DeleteBucket in its cleanup). */
    bucketMode: z.enum(["existing", "create"]).default("existing"),
    bucket: z.string().trim().default(""),
    keyPrefix: z.string().max(1024, "At most 1024 characters.").default(""),
    keySuffix: z.string().max(1024, "At most 1024 characters.").default(""),
    pattern: z.string().max(8192, "An event pattern is at most 4096 characters.").default(""),
    taskDefinition: taskDefinitionRef,
    container: z.string().trim().max(255).default(""),
    bucketVariable: z.string().trim().default("S3_BUCKET"),
    keyVariable: z.string().trim().default("S3_KEY"),
    /** Fargate launch type, or one of the cluster's capacity providers (a strategy of one, as the console's default). */
    compute: z.enum(["launchType", "capacityProvider"]).default("launchType"),
    capacityProvider: z.string().trim().max(255).default(""),
    count: z.coerce.number({ message: "Enter a whole number." }).int("Enter a whole number.").min(1, "Run 1 to 10 tasks per event.").max(10, "Run 1 to 10 tasks per event.").default(1),
    /** EventBridge's retry policy; its defaults are 185 attempts over 24 hours. */
    retryAttempts: z.coerce.number({ message: "Enter a whole number." }).int("Enter a whole number.").min(0, "0 to 185 retries.").max(185, "0 to 185 retries.").default(185),
    maxEventAge: z.coerce.number({ message: "Enter a number of seconds." }).int("Enter a whole number of seconds.").min(60, "Between 60 seconds and 86400 (24 hours).").max(86400, "Between 60 seconds and 86400 (24 hours).").default(86400),
    /** An SQS queue of this account and region for events that could not be delivered; none if empty. */
    deadLetterQueue: z.string().trim().max(80).regex(/^[A-Za-z0-9_-]*(\.fifo)?$/, "Pick a queue from the list.").default(""),
    ...networkSchema,
    roleMode: z.enum(["existing", "create"]).default("create"),
    roleArn: z.string().trim().default(""),
    reviewedHash: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.source === "s3") {
      const bucket = bucketNameSchema.safeParse(v.bucket);
      if (!bucket.success) issue("bucket", v.bucketMode === "create" ? "Enter a bucket name: 3–63 lowercase letters, digits, . and -, starting and ending with a letter or digit." : bucket.error.issues[0]!.message);
      else if (v.bucketMode === "create" && (/\.\./.test(v.bucket) || /^\d+\.\d+\.\d+\.\d+$/.test(v.bucket) || /^xn--|^sthree-|-s3alias$|--ol-s3$/.test(v.bucket))) issue("bucket", "S3 refuses this name (no '..', IP addresses, or reserved prefixes and suffixes).");
      if (!/^[A-Za-z0-9_-]{1,255}$/.test(v.container)) issue("container", "Pick the container that receives the bucket and key.");
      for (const [k, label] of [["bucketVariable", "bucket"], ["keyVariable", "key"]] as const) {
        const r = variable(label).safeParse(v[k]);
        if (!r.success) issue(k, r.error.issues[0]!.message);
      }
      if (v.bucketVariable && v.bucketVariable === v.keyVariable) issue("keyVariable", "Use another name than the bucket's variable.");
      if (/[\u0000-\u001f]/.test(v.keyPrefix + v.keySuffix)) issue(/[\u0000-\u001f]/.test(v.keyPrefix) ? "keyPrefix" : "keySuffix", "Control characters cannot be in an object key.");
    } else {
      const problem = patternProblem(v.pattern);
      if (problem) issue("pattern", problem);
    }
    if (v.compute === "capacityProvider" && !/^[A-Za-z0-9_-]{1,255}$/.test(v.capacityProvider)) issue("capacityProvider", "Pick a capacity provider of the cluster.");
    if (v.subnets.length === 0) issue("subnets", "Pick at least one subnet.");
    if (v.securityGroups.length === 0) issue("securityGroups", "Pick at least one security group.");
    if (v.roleMode === "existing" && !/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(v.roleArn)) issue("roleArn", "Pick a role that EventBridge can assume.");
  });

export type CreateEventTaskInput = z.infer<typeof createEventTaskSchema>;

export const deleteEventRuleSchema = z.object({
  connectionId: z.string().min(1),
  region: regionSchema,
  cluster: clusterNameSchema,
  ruleName: ruleNameSchema,
  reviewedHash: z.string().optional(),
});

export type DeleteEventRuleInput = z.infer<typeof deleteEventRuleSchema>;
