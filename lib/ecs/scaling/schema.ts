import { z } from "zod";
import { scheduleProblem } from "@/lib/ecs/scheduled-tasks/expression";
import { isTimeZone } from "@/lib/ecs/scheduled-tasks/next-runs";
import { clusterNameSchema } from "../clusters/schema";
import { serviceNameSchema } from "../services/schema";
import { flag, wholeFor } from "@/lib/core/validation/fields";

/** ECS runs at most 5,000 tasks per service (default quota); Application Auto Scaling capacity is a whole number. */
export const MAX_SERVICE_TASKS = 5000;
/** Console default cooldowns for ECS target tracking and step scaling (seconds). */
export const DEFAULT_COOLDOWN = 300;

const target = {
  connectionId: z.string().min(1, "Pick a connection."),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
  cluster: clusterNameSchema,
  service: serviceNameSchema,
  reviewedHash: z.string().optional(),
};

const capacity = {
  minTasks: wholeFor("minimum tasks", 0, MAX_SERVICE_TASKS),
  maxTasks: wholeFor("maximum tasks", 0, MAX_SERVICE_TASKS),
};

function minNotAboveMax(v: { minTasks: number; maxTasks: number }, ctx: z.RefinementCtx) {
  if (v.minTasks > v.maxTasks) ctx.addIssue({ code: "custom", path: ["minTasks"], message: "Minimum tasks cannot be more than maximum tasks." });
}

const ARN_TG = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]+\/[0-9a-f]+$/;
const ARN_LB = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/app\/[A-Za-z0-9-]+\/[0-9a-f]+$/;

export const TRACKED_METRICS = ["cpu", "memory", "requests"] as const;
export type TrackedMetric = (typeof TRACKED_METRICS)[number];

const trackingPolicy = z.object({
  enabled: flag.default(false),
  target: z.coerce.number({ message: "Enter a number." }),
  scaleOutCooldown: wholeFor("the scale-out cooldown", 0, 86_400).default(DEFAULT_COOLDOWN),
  scaleInCooldown: wholeFor("the scale-in cooldown", 0, 86_400).default(DEFAULT_COOLDOWN),
  disableScaleIn: flag.default(false),
});

/**
 * Service auto scaling: the scalable target (min/max tasks) and up to one target tracking policy
 * per metric — average CPU, average memory, or ALB requests per target (which needs the target
 * group the service registers with and its load balancer).
 */
export const serviceScalingSchema = z
  .object({
    ...target,
    ...capacity,
    cpu: trackingPolicy,
    memory: trackingPolicy,
    requests: trackingPolicy.extend({ targetGroupArn: z.string().trim().default(""), loadBalancerArn: z.string().trim().default("") }),
  })
  .superRefine((v, ctx) => {
    minNotAboveMax(v, ctx);
    for (const metric of ["cpu", "memory"] as const) {
      const t = v[metric].target;
      if (v[metric].enabled && !(t >= 1 && t <= 100)) {
        ctx.addIssue({ code: "custom", path: [metric, "target"], message: "Target utilization is 1 to 100 percent." });
      }
    }
    if (v.requests.enabled) {
      const t = v.requests.target;
      if (!Number.isInteger(t) || t < 1 || t > 1_000_000) {
        ctx.addIssue({ code: "custom", path: ["requests", "target"], message: "Requests per target is a whole number from 1 to 1,000,000." });
      }
      if (!ARN_TG.test(v.requests.targetGroupArn) || !ARN_LB.test(v.requests.loadBalancerArn)) {
        ctx.addIssue({ code: "custom", path: ["requests", "targetGroupArn"], message: "Request-count scaling needs the service's Application Load Balancer target group." });
      }
    }
    if (!v.cpu.enabled && !v.memory.enabled && !v.requests.enabled && v.minTasks === v.maxTasks) {
      // Nothing would ever change the count: fine for a pinned service, but say so at the field.
      ctx.addIssue({ code: "custom", path: ["maxTasks"], message: "With no policy and minimum = maximum, auto scaling has nothing to do. Add a policy or widen the range." });
    }
  });
export type ServiceScalingInput = z.infer<typeof serviceScalingSchema>;

const step = z.object({
  from: z.coerce.number({ message: "Enter a number of messages." }).int("Enter a whole number of messages.").min(0, "Messages cannot be negative."),
  to: z.union([z.literal(""), z.coerce.number({ message: "Enter a number of messages." }).int("Enter a whole number of messages.")]).optional().transform((v) => (v === "" || v === undefined ? null : v)),
  change: wholeFor("tasks to add", 1, MAX_SERVICE_TASKS),
});
export type ScaleOutStep = z.infer<typeof step>;

/** SQS queue names: 1–80 letters, digits, hyphens and underscores (FIFO queues end in .fifo). */
export const queueNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a queue name.")
  .max(80, "Queue names are at most 80 characters.")
  .regex(/^[A-Za-z0-9_-]+(\.fifo)?$/, "Use only letters, digits, hyphens (-) and underscores (_); FIFO queues end in .fifo.");

/**
 * Queue-driven scaling: step scaling on the queue's ApproximateNumberOfMessagesVisible. Scale-out
 * steps are given in messages ("from 100 to 500 add 1, from 500 add 3"): they must start at the
 * alarm threshold, touch each other without gaps or overlaps (AWS rejects both) and end open.
 */
export const queueScalingSchema = z
  .object({
    ...target,
    ...capacity,
    queueMode: z.enum(["existing", "create"]).default("existing"),
    queueName: queueNameSchema,
    steps: z.array(step).min(1, "Add at least one scale-out step.").max(20, "At most 20 steps."),
    scaleInAt: z.coerce.number({ message: "Enter a number of messages." }).int("Enter a whole number of messages.").min(0, "Messages cannot be negative."),
    scaleInChange: wholeFor("tasks to remove", 1, MAX_SERVICE_TASKS).default(1),
    cooldown: wholeFor("the cooldown", 0, 86_400).default(DEFAULT_COOLDOWN),
    evaluationPeriods: wholeFor("evaluation periods", 1, 60).default(1),
  })
  .superRefine((v, ctx) => {
    minNotAboveMax(v, ctx);
    v.steps.forEach((s, i) => {
      const last = i === v.steps.length - 1;
      if (last && s.to !== null) ctx.addIssue({ code: "custom", path: ["steps", i, "to"], message: "Leave the last step open-ended (no upper bound)." });
      if (!last && s.to === null) ctx.addIssue({ code: "custom", path: ["steps", i, "to"], message: "Only the last step can be open-ended." });
      if (s.to !== null && s.to <= s.from) ctx.addIssue({ code: "custom", path: ["steps", i, "to"], message: "The upper bound must be above the lower bound." });
      const next = v.steps[i + 1];
      if (next && s.to !== null && next.from !== s.to) {
        ctx.addIssue({
          code: "custom",
          path: ["steps", i + 1, "from"],
          message: next.from < s.to ? `Steps overlap: this step must start at ${s.to}.` : `Gap between steps: this step must start at ${s.to}.`,
        });
      }
    });
    const threshold = v.steps[0]?.from;
    if (threshold !== undefined && v.scaleInAt >= threshold) {
      ctx.addIssue({ code: "custom", path: ["scaleInAt"], message: `Scale in below the scale-out threshold (${threshold} messages), or the two alarms fight.` });
    }
  });
export type QueueScalingInput = z.infer<typeof queueScalingSchema>;

/** Application Auto Scaling scheduled action names: 1–256 printable characters without ":" "/" or "|". */
export const scheduledActionNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name for the scheduled action.")
  .max(256, "At most 256 characters.")
  .regex(/^[^:/|\s][^:/|]*$/, "Names cannot contain colons (:), slashes (/) or pipes (|).");

/** Scheduled scaling: at this time (cron/rate/at, in a time zone) set min/max tasks. */
export const scheduledScalingSchema = z
  .object({
    ...target,
    ...capacity,
    name: scheduledActionNameSchema,
    expression: z.string().trim().min(1, "Enter a cron or rate expression, e.g. cron(0 8 ? * MON-FRI *).").superRefine((v, ctx) => {
      const problem = scheduleProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    timezone: z.string().trim().default("UTC").refine(isTimeZone, "Pick an IANA time zone such as UTC or Europe/Berlin."),
  })
  .superRefine(minNotAboveMax);
export type ScheduledScalingInput = z.infer<typeof scheduledScalingSchema>;

/** ECS capacity provider managed scaling (EC2 Auto Scaling group behind a cluster). */
export const managedScalingSchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
    cluster: clusterNameSchema,
    capacityProvider: z.string().trim().min(1, "Pick a capacity provider."),
    enabled: flag.default(true),
    targetCapacity: wholeFor("target capacity", 1, 100).default(100),
    minimumScalingStepSize: wholeFor("the minimum scaling step", 1, 10_000).default(1),
    maximumScalingStepSize: wholeFor("the maximum scaling step", 1, 10_000).default(10_000),
    instanceWarmupPeriod: wholeFor("the instance warm-up period", 0, 10_000).default(300),
    reviewedHash: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.minimumScalingStepSize > v.maximumScalingStepSize) {
      ctx.addIssue({ code: "custom", path: ["minimumScalingStepSize"], message: "The minimum step cannot be larger than the maximum step." });
    }
  });
export type ManagedScalingInput = z.infer<typeof managedScalingSchema>;

export const removeScalingSchema = z.object({ ...target });
export type RemoveScalingInput = z.infer<typeof removeScalingSchema>;
