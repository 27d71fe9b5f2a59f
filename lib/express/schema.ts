import { z } from "zod";
import { envVarList, posixEnvName } from "@/lib/core/validation/env-vars";
import { int } from "../core/validation/fields";
import { clusterNameSchema } from "../ecs/clusters/schema";
import { tagsSchema } from "../core/validation/tags";

/**
 * Fargate task sizes Express Mode accepts: CPU 256–4096 units, each with its
 * allowed memory (MiB). Only these pairs are offered, so a bad pair never reaches AWS.
 */
const range = (from: number, to: number, step: number) => Array.from({ length: (to - from) / step + 1 }, (_, i) => String(from + i * step));
export const FARGATE_SIZES: Record<string, string[]> = {
  "256": ["512", "1024", "2048"],
  "512": range(1024, 4096, 1024),
  "1024": range(2048, 8192, 1024),
  "2048": range(4096, 16384, 1024),
  "4096": range(8192, 30720, 1024),
};
export const CPU_OPTIONS = Object.keys(FARGATE_SIZES);

export const cpuLabel = (cpu: string) => `${Number(cpu) / 1024} vCPU`;
export const memoryLabel = (memory: string) => `${Number(memory) / 1024} GB`;

export const SCALING_METRICS = ["AVERAGE_CPU", "AVERAGE_MEMORY", "REQUEST_COUNT_PER_TARGET"] as const;
export const SCALING_METRIC_LABELS: Record<(typeof SCALING_METRICS)[number], string> = {
  AVERAGE_CPU: "Average CPU",
  AVERAGE_MEMORY: "Average memory",
  REQUEST_COUNT_PER_TARGET: "Requests per target",
};

/** Console defaults for a new Express service (ECS developer guide, "Resources created by Express Mode"). */
export const EXPRESS_DEFAULTS = {
  cluster: "default",
  containerPort: 80,
  cpu: "1024",
  memory: "2048",
  minTasks: 1,
  maxTasks: 20,
  scalingMetric: "AVERAGE_CPU",
  scalingTarget: 60,
  // AWS's own default is /ping, which common images (nginx, httpd) answer with 404, so their tasks
  // never turn healthy; / is answered by nearly every web server. The plan always sends the path.
  healthCheckPath: "/",
} as const;

// Repository path components: lowercase alphanumerics separated by . _ - (OCI distribution spec).
const PATH = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*";
const REF = "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})?";
const ECR_PRIVATE = new RegExp(`^\\d{12}\\.dkr\\.ecr\\.[a-z]{2}(?:-[a-z]+)+-\\d\\.amazonaws\\.com(?:\\.cn)?/${PATH}${REF}$`);
const ECR_PUBLIC = new RegExp(`^public\\.ecr\\.aws/${PATH}${REF}$`);
// Docker reads a first component with a dot as a registry host, so an org name has none.
const DOCKER_HUB = new RegExp(`^(?:[a-z0-9]+(?:(?:_|__|-+)[a-z0-9]+)*/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*${REF}$`);

export function imageKind(image: string): "ecr" | "ecr-public" | "docker-hub" | null {
  if (ECR_PRIVATE.test(image)) return "ecr";
  if (ECR_PUBLIC.test(image)) return "ecr-public";
  if (DOCKER_HUB.test(image)) return "docker-hub";
  return null;
}

export const imageSchema = z
  .string()
  .trim()
  .min(1, "Enter an image URI.")
  .max(2048, "Image URIs are at most 2048 characters.")
  .refine(
    (v) => imageKind(v) !== null,
    "Use an ECR image (123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag), an ECR Public image (public.ecr.aws/…), or a Docker Hub image (name[:tag] or org/name[:tag]).",
  );

export const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

const envSchema = envVarList(z.object({ name: posixEnvName(255), value: z.string().max(32768, "Values are at most 32 KB.") }), 100);

/** The settings shared by create and update: container, size, scaling, health check. */
const serviceSettings = {
  connectionId: z.string().min(1, "Pick a connection."),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
  image: imageSchema,
  containerPort: int("The port", 1, 65535).default(EXPRESS_DEFAULTS.containerPort),
  cpu: z.enum(CPU_OPTIONS as [string, ...string[]], { message: "Pick a CPU size." }).default(EXPRESS_DEFAULTS.cpu),
  memory: z.string().default(EXPRESS_DEFAULTS.memory),
  minTasks: int("Minimum tasks", 1, 5000).default(EXPRESS_DEFAULTS.minTasks),
  maxTasks: int("Maximum tasks", 1, 5000).default(EXPRESS_DEFAULTS.maxTasks),
  scalingMetric: z.enum(SCALING_METRICS).default(EXPRESS_DEFAULTS.scalingMetric),
  scalingTarget: int("The target", 1, 1_000_000).default(EXPRESS_DEFAULTS.scalingTarget),
  healthCheckPath: z
    .string()
    .trim()
    .min(1, "Enter a health check path.")
    .max(1024, "Paths are at most 1024 characters.")
    .regex(/^\/[\x21-\x7e]*$/, "The path starts with / and has no spaces.")
    .default(EXPRESS_DEFAULTS.healthCheckPath),
  environment: envSchema,
  reviewedHash: z.string().optional(),
};

type Settings = { cpu: string; memory: string; minTasks: number; maxTasks: number; scalingMetric: string; scalingTarget: number };

function checkSettings(v: Settings, ctx: z.RefinementCtx) {
  if (!(FARGATE_SIZES[v.cpu] ?? []).includes(v.memory)) {
    ctx.addIssue({ code: "custom", path: ["memory"], message: `${memoryLabel(v.memory)} is not offered with ${cpuLabel(v.cpu)} on Fargate.` });
  }
  if (v.minTasks > v.maxTasks) {
    ctx.addIssue({ code: "custom", path: ["maxTasks"], message: "Maximum tasks must be at least the minimum." });
  }
  if (v.scalingMetric !== "REQUEST_COUNT_PER_TARGET" && v.scalingTarget > 100) {
    ctx.addIssue({ code: "custom", path: ["scalingTarget"], message: "A utilization target is 1 to 100 (%)." });
  }
}

const roleChoice = z.enum(["existing", "create"]).default("create");

export const createExpressSchema = z
  .object({
    ...serviceSettings,
    /** Optional in the API (AWS then generates one); same rules as any ECS service name. */
    serviceName: z
      .string()
      .trim()
      .max(255, "Service names are at most 255 characters.")
      .regex(/^[A-Za-z0-9_-]*$/, "Use only letters, digits, hyphens (-) and underscores (_); no spaces.")
      .default(""),
    cluster: clusterNameSchema.default(EXPRESS_DEFAULTS.cluster),
    executionRoleMode: roleChoice,
    executionRoleArn: z.string().trim().default(""),
    infrastructureRoleMode: roleChoice,
    infrastructureRoleArn: z.string().trim().default(""),
    tags: tagsSchema,
  })
  .superRefine((v, ctx) => {
    checkSettings(v, ctx);
    for (const kind of ["execution", "infrastructure"] as const) {
      const arn = v[`${kind}RoleArn`];
      if (v[`${kind}RoleMode`] === "existing" && !ROLE_ARN.test(arn)) {
        ctx.addIssue({ code: "custom", path: [`${kind}RoleArn`], message: arn ? "Enter an IAM role ARN (arn:aws:iam::<account>:role/<name>)." : "Pick a role." });
      }
    }
  });

export type CreateExpressInput = z.infer<typeof createExpressSchema>;

export const updateExpressSchema = z
  .object({
    ...serviceSettings,
    serviceArn: z.string().min(1),
    serviceName: z.string().min(1),
    cluster: z.string().min(1),
  })
  .superRefine(checkSettings);

export type UpdateExpressInput = z.infer<typeof updateExpressSchema>;

export const deleteExpressSchema = z
  .object({
    connectionId: z.string().min(1),
    region: z.string().min(1),
    serviceArn: z.string().min(1),
    serviceName: z.string().min(1),
    cluster: z.string().min(1),
    reviewedHash: z.string().optional(),
  });

export type DeleteExpressInput = z.infer<typeof deleteExpressSchema>;
