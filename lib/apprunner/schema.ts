import { z } from "zod";
import { envVarList } from "@/lib/core/validation/env-vars";
import { int } from "../core/validation/fields";
import { isAppRunnerRegion } from "@/lib/apprunner/regions";
import { tagsSchema } from "../core/validation/tags";

/** App Runner instance sizes: the CPU (API units) and the memory values allowed with each. */
export const CPU_MEMORY: Record<string, string[]> = {
  "256": ["512", "1024"],
  "512": ["1024"],
  "1024": ["2048", "3072", "4096"],
  "2048": ["4096", "6144"],
  "4096": ["8192", "10240", "12288"],
};
export const CPU_OPTIONS = Object.keys(CPU_MEMORY);
/** The console's default instance: 1 vCPU, 2 GB. */
export const DEFAULT_CPU = "1024";
export const DEFAULT_MEMORY = "2048";

export const cpuLabel = (cpu: string) => `${Number(cpu) / 1024} vCPU`;
export const memoryLabel = (memory: string) => `${Number(memory) / 1024} GB`;

/** AWS: 4–40 characters, a letter or digit first, then letters, digits, hyphens and underscores. */
export const appRunnerServiceNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a service name.")
  .min(4, "Service names are at least 4 characters.")
  .max(40, "Service names are at most 40 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "Start with a letter or digit; then use only letters, digits, hyphens (-) and underscores (_).");

// Auto scaling configuration names: 4–32 characters, same alphabet as service names.
const scalingNameSchema = z
  .string()
  .trim()
  .max(32, "Configuration names are at most 32 characters.")
  .refine((v) => v === "" || /^[A-Za-z0-9][A-Za-z0-9_-]{3,}$/.test(v), "4–32 letters, digits, hyphens and underscores, starting with a letter or digit.");

const REPO = String.raw`(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*`;
const TAG_OR_DIGEST = String.raw`(?::[\w.-]{1,128}|@sha256:[a-f0-9]{64})?`;
export const ECR_PRIVATE_IMAGE = new RegExp(String.raw`^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/${REPO}${TAG_OR_DIGEST}$`);
export const ECR_PUBLIC_IMAGE = new RegExp(String.raw`^public\.ecr\.aws\/[a-z0-9._-]+\/${REPO}${TAG_OR_DIGEST}$`);

export const IAM_ROLE_ARN = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const APP_RUNNER_SCALING_ARN = /^arn:aws(?:-[a-z]+)*:apprunner:[a-z0-9-]+:\d{12}:autoscalingconfiguration\/.+$/;

const optionalRoleArn = z
  .string()
  .trim()
  .default("")
  .refine((v) => v === "" || IAM_ROLE_ARN.test(v), "Enter an IAM role ARN: arn:aws:iam::123456789012:role/name.");

/** Environment variable names App Runner reserves for itself. */
const RESERVED_ENV_PREFIX = "AWSAPPRUNNER";

export const envVarSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter a name.")
    .max(256, "Names are at most 256 characters.")
    .regex(/^[^=\s]*$/, "Names cannot contain spaces or =.")
    .refine((n) => !n.toUpperCase().startsWith(RESERVED_ENV_PREFIX), "Names starting with AWSAPPRUNNER are reserved by App Runner."),
  value: z.string().max(4096, "Values are at most 4096 characters."),
});
export type EnvVar = z.infer<typeof envVarSchema>;

export const envVarsSchema = envVarList(envVarSchema, 50, "At most 50 environment variables.");

export const createAppRunnerServiceSchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region.")
      .refine(isAppRunnerRegion, "App Runner is not offered in this region."),
    sourceType: z.enum(["ecr", "ecr_public"]).default("ecr_public"),
    imageUri: z.string().trim().min(1, "Enter the container image URI."),
    // Checked below: only a private ECR source uses it.
    accessRoleArn: z.string().trim().default(""),
    deploymentTrigger: z.enum(["manual", "automatic"]).default("manual"),
    serviceName: appRunnerServiceNameSchema,
    port: int("The port", 1, 51200).default(8080),
    cpu: z.enum(CPU_OPTIONS as [string, ...string[]], { message: "Pick a vCPU size." }).default(DEFAULT_CPU),
    memory: z.string().default(DEFAULT_MEMORY),
    environment: envVarsSchema,
    scalingMode: z.enum(["custom", "existing"]).default("custom"),
    scalingName: scalingNameSchema.default(""),
    minSize: int("Minimum size", 1, 25).default(1),
    maxSize: int("Maximum size", 1, 25).default(25),
    maxConcurrency: int("Maximum concurrency", 1, 200).default(100),
    scalingArn: z.string().trim().default(""),
    healthProtocol: z.enum(["TCP", "HTTP"]).default("TCP"),
    healthPath: z.string().trim().default("/"),
    healthInterval: int("The interval", 1, 20).default(5),
    healthTimeout: int("The timeout", 1, 20).default(2),
    healthyThreshold: int("The healthy threshold", 1, 20).default(1),
    unhealthyThreshold: int("The unhealthy threshold", 1, 20).default(5),
    instanceRoleArn: optionalRoleArn,
    tags: tagsSchema,
    /** Hash of the plan the person reviewed; the confirm step refuses a plan that differs. */
    reviewedHash: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.sourceType === "ecr" && !ECR_PRIVATE_IMAGE.test(v.imageUri)) {
      issue("imageUri", "Enter an Amazon ECR image URI: 123456789012.dkr.ecr.us-east-1.amazonaws.com/repository:tag.");
    }
    if (v.sourceType === "ecr_public" && !ECR_PUBLIC_IMAGE.test(v.imageUri)) {
      issue("imageUri", "Enter an Amazon ECR Public image URI: public.ecr.aws/alias/repository:tag.");
    }
    // App Runner pulls private ECR images with an access role; public images need none.
    if (v.sourceType === "ecr" && v.accessRoleArn === "") {
      issue("accessRoleArn", "An ECR access role is required for a private ECR image: App Runner assumes it to pull the image.");
    } else if (v.sourceType === "ecr" && !IAM_ROLE_ARN.test(v.accessRoleArn)) {
      issue("accessRoleArn", "Enter an IAM role ARN: arn:aws:iam::123456789012:role/name.");
    }
    if (v.sourceType === "ecr_public" && v.deploymentTrigger === "automatic") {
      issue("deploymentTrigger", "Automatic deployment is only available for private Amazon ECR images.");
    }
    if (!(CPU_MEMORY[v.cpu] ?? []).includes(v.memory)) {
      issue("memory", `${cpuLabel(v.cpu)} runs with ${(CPU_MEMORY[v.cpu] ?? []).map(memoryLabel).join(", ")} of memory.`);
    }
    if (v.scalingMode === "custom" && v.minSize > v.maxSize) {
      issue("maxSize", `Maximum size must be at least the minimum size (${v.minSize}).`);
    }
    if (v.scalingMode === "existing" && !APP_RUNNER_SCALING_ARN.test(v.scalingArn)) {
      issue("scalingArn", "Pick an auto scaling configuration.");
    }
    if (v.healthProtocol === "HTTP" && !v.healthPath.startsWith("/")) {
      issue("healthPath", "Enter a path starting with /, such as /health.");
    }
  });

export type CreateAppRunnerServiceInput = z.infer<typeof createAppRunnerServiceSchema>;

/** Pause, resume, deploy and delete: which service, in which connection and region. */
export const appRunnerServiceActionSchema = z.object({
  connectionId: z.string().min(1, "Pick a connection."),
  region: z.string().refine(isAppRunnerRegion, "App Runner is not offered in this region."),
  serviceArn: z.string().regex(/^arn:aws(?:-[a-z]+)*:apprunner:[a-z0-9-]+:\d{12}:service\/.+$/, "Not an App Runner service ARN."),
  serviceName: appRunnerServiceNameSchema,
  reviewedHash: z.string().optional(),
});
export type AppRunnerServiceActionInput = z.infer<typeof appRunnerServiceActionSchema>;
