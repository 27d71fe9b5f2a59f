import { z } from "zod";
import { flag, int } from "@/lib/core/validation/fields";
import { tagsSchema } from "@/lib/core/validation/tags";
import { parseImageUri } from "@/lib/ecs/task-definitions/image-uri";

const range = (from: number, to: number, step: number) => Array.from({ length: (to - from) / step + 1 }, (_, i) => String(from + i * step));

/** Fargate task sizes (CPU units → memory MiB), from the ECS developer guide's task size table. */
export const FARGATE_SIZES: Record<string, string[]> = {
  "256": ["512", "1024", "2048"],
  "512": range(1024, 4096, 1024),
  "1024": range(2048, 8192, 1024),
  "2048": range(4096, 16384, 1024),
  "4096": range(8192, 30720, 1024),
  "8192": range(16384, 61440, 4096),
  "16384": range(32768, 122880, 8192),
};
/** Windows containers on Fargate run with 1, 2 or 4 vCPU only. */
const WINDOWS_FARGATE_CPU = ["1024", "2048", "4096"];

export const LAUNCH_TYPES = ["FARGATE", "EC2", "FARGATE_EC2"] as const;
export const OS_FAMILIES = ["LINUX", "WINDOWS_SERVER_2019_FULL", "WINDOWS_SERVER_2019_CORE", "WINDOWS_SERVER_2022_FULL", "WINDOWS_SERVER_2022_CORE"] as const;
export const OS_LABELS: Record<(typeof OS_FAMILIES)[number], string> = {
  LINUX: "Linux",
  WINDOWS_SERVER_2019_FULL: "Windows Server 2019 Full",
  WINDOWS_SERVER_2019_CORE: "Windows Server 2019 Core",
  WINDOWS_SERVER_2022_FULL: "Windows Server 2022 Full",
  WINDOWS_SERVER_2022_CORE: "Windows Server 2022 Core",
};
export const ARCHITECTURES = ["X86_64", "ARM64"] as const;
/** "default" means no networkMode in the request: bridge on Linux, NAT on Windows. */
export const NETWORK_MODES = ["awsvpc", "bridge", "host", "none", "default"] as const;
export const APP_PROTOCOLS = ["", "http", "http2", "grpc"] as const;

/** Console defaults of "Create new task definition". */
export const TASK_DEFAULTS = { cpu: "1024", memory: "3072", launchType: "FARGATE", osFamily: "LINUX", cpuArchitecture: "X86_64", networkMode: "awsvpc" } as const;
export const HEALTH_DEFAULTS = { interval: "30", timeout: "5", retries: "3", startPeriod: "0" } as const;

export const isWindows = (os: string) => os.startsWith("WINDOWS");
export const usesFargate = (launchType: string) => launchType !== "EC2";

/** The network modes a task can use with this launch type and OS. */
export function networkModesFor(launchType: string, os: string): (typeof NETWORK_MODES)[number][] {
  if (usesFargate(launchType)) return ["awsvpc"];
  return isWindows(os) ? ["awsvpc", "default"] : ["awsvpc", "bridge", "host", "none"];
}

/** Fargate CPU choices for this OS; memory choices follow with `FARGATE_SIZES[cpu]`. */
export function fargateCpuOptions(os: string): string[] {
  return isWindows(os) ? WINDOWS_FARGATE_CPU : Object.keys(FARGATE_SIZES);
}

export const cpuLabel = (cpu: string) => `${Number(cpu) / 1024} vCPU`;
export const memoryLabel = (memory: string) => `${Number(memory) / 1024} GB`;

export const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const REGION = "[a-z]{2}(?:-[a-z]+)+-\\d";
/** A secret's valueFrom: a Secrets Manager secret ARN (optionally :json-key:stage:version) or an SSM parameter ARN. */
export const SECRETS_MANAGER_ARN = new RegExp(`^arn:aws[a-z-]*:secretsmanager:${REGION}:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+(?::[^:\\s]*){0,3}$`);
export const SSM_PARAMETER_ARN = new RegExp(`^arn:aws[a-z-]*:ssm:${REGION}:\\d{12}:parameter/[A-Za-z0-9_.\\-/]+$`);

/** An optional number field: empty means not set. */
const optInt = (label: string, min: number, max: number) =>
  z.preprocess((v) => (v === "" || v === null || v === undefined ? undefined : v), int(label, min, max).optional());

const nameRule = (what: string) =>
  z.string().trim().min(1, `Enter a ${what} name.`).max(255, `${what[0]!.toUpperCase()}${what.slice(1)} names are at most 255 characters.`)
    .regex(/^[A-Za-z0-9_-]+$/, "Use only letters, digits, hyphens (-) and underscores (_); no spaces.");

export const familySchema = nameRule("family");

const portMappingSchema = z.object({
  containerPort: int("The container port", 1, 65535),
  protocol: z.enum(["tcp", "udp"]).default("tcp"),
  name: z.string().trim().max(64, "Port names are at most 64 characters.")
    .regex(/^(?:[a-z0-9_][a-z0-9_-]*)?$/, "Use lowercase letters, digits, underscores and hyphens, not starting with a hyphen.").default(""),
  appProtocol: z.enum(APP_PROTOCOLS).default(""),
});

const envVarSchema = z.object({
  name: z.string().trim().min(1, "Enter a variable name.").max(255, "Variable names are at most 255 characters.")
    .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "Names use letters, digits and underscores, and do not start with a digit."),
  value: z.string().max(32768, "Values are at most 32 KB."),
});

const secretSchema = z.object({
  name: envVarSchema.shape.name,
  valueFrom: z.string().trim().min(1, "Enter the ARN of a Secrets Manager secret or an SSM parameter.")
    .refine((v) => SECRETS_MANAGER_ARN.test(v) || SSM_PARAMETER_ARN.test(v),
      "Enter a Secrets Manager secret ARN (arn:aws:secretsmanager:…:secret:…) or an SSM parameter ARN (arn:aws:ssm:…:parameter/…), not the secret's value."),
});

export const imageSchema = z.string().trim().min(1, "Enter an image URI.").max(2048, "Image URIs are at most 2048 characters.")
  .refine((v) => parseImageUri(v) !== null,
    "Use an ECR image (123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag), an ECR Public image (public.ecr.aws/…), or a Docker Hub image (name[:tag] or org/name[:tag]).");

const containerSchema = z.object({
  name: nameRule("container"),
  image: imageSchema,
  essential: flag.default(true),
  cpu: optInt("Container CPU", 0, 196608),
  memory: optInt("The hard limit", 6, 1_048_576),
  memoryReservation: optInt("The soft limit", 6, 1_048_576),
  // ECS takes 2–120 s (Fargate); empty keeps its default of 30 s.
  stopTimeout: optInt("The stop timeout", 2, 120),
  user: z.string().trim().max(255, "The user is at most 255 characters.").regex(/^\S*$/, "The user has no spaces (user, uid, user:group, uid:gid).").default(""),
  portMappings: z.array(portMappingSchema).max(100, "At most 100 port mappings.").default([]),
  environment: z.array(envVarSchema).max(500, "At most 500 variables.").default([]),
  secrets: z.array(secretSchema).max(500, "At most 500 secrets.").default([]),
  logs: z.object({
    enabled: flag.default(true),
    group: z.string().trim().min(1, "Enter a log group name.").max(512, "Log group names are at most 512 characters.")
      .regex(/^[.\-_/#A-Za-z0-9]+$/, "Log group names use letters, digits and . - _ / #."),
    streamPrefix: z.string().trim().min(1, "Enter a stream prefix.").max(256, "Stream prefixes are at most 256 characters.")
      .regex(/^[^:*]+$/, "Stream prefixes cannot contain : or *."),
  }),
  healthCheck: z.object({
    enabled: flag.default(false),
    type: z.enum(["CMD-SHELL", "CMD"]).default("CMD-SHELL"),
    command: z.string().trim().max(4096, "The command is at most 4096 characters.").default(""),
    interval: int("The interval", 5, 300).default(30),
    timeout: int("The timeout", 2, 120).default(5),
    retries: int("Retries", 1, 10).default(3),
    startPeriod: int("The start period", 0, 300).default(0),
  }),
});

export type ContainerInput = z.infer<typeof containerSchema>;

export const createTaskDefinitionSchema = z
  .object({
    connectionId: z.string().min(1, "Pick a connection."),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Pick a region."),
    family: familySchema,
    launchType: z.enum(LAUNCH_TYPES).default(TASK_DEFAULTS.launchType),
    osFamily: z.enum(OS_FAMILIES).default(TASK_DEFAULTS.osFamily),
    cpuArchitecture: z.enum(ARCHITECTURES).default(TASK_DEFAULTS.cpuArchitecture),
    networkMode: z.enum(NETWORK_MODES).default(TASK_DEFAULTS.networkMode),
    /** Task size; optional on EC2 only. */
    cpu: z.string().trim().default(""),
    memory: z.string().trim().default(""),
    taskRoleMode: z.enum(["none", "existing"]).default("none"),
    taskRoleArn: z.string().trim().default(""),
    executionRoleMode: z.enum(["none", "existing", "create"]).default("create"),
    executionRoleArn: z.string().trim().default(""),
    containers: z.array(containerSchema).min(1, "Add at least one container.").max(10, "A task definition has at most 10 containers."),
    tags: tagsSchema,
    /** New revision: the revision it starts from, whose settings the wizard does not edit are carried over. */
    baseRevision: z.string().trim().regex(/^([A-Za-z0-9_-]{1,255}:\d+)?$/, "The base revision is family:revision.").default(""),
    reviewedHash: z.string().optional(),
  })
  .superRefine(checkTask);

export type CreateTaskDefinitionInput = z.infer<typeof createTaskDefinitionSchema>;

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });

function checkTask(v: TaskShape, ctx: Ctx): void {
  checkPlatform(v, ctx);
  const size = checkSize(v, ctx);
  checkContainers(v, size, ctx);
  checkRoles(v, ctx);
}

type TaskShape = {
  launchType: string;
  osFamily: string;
  cpuArchitecture: string;
  networkMode: string;
  cpu: string;
  memory: string;
  taskRoleMode: string;
  taskRoleArn: string;
  executionRoleMode: string;
  executionRoleArn: string;
  containers: ContainerInput[];
};

function checkPlatform(v: TaskShape, ctx: Ctx) {
  if (isWindows(v.osFamily) && v.cpuArchitecture !== "X86_64") issue(ctx, ["cpuArchitecture"], "Windows containers run on X86_64 only.");
  if (!networkModesFor(v.launchType, v.osFamily).includes(v.networkMode as (typeof NETWORK_MODES)[number])) {
    issue(ctx, ["networkMode"], usesFargate(v.launchType) ? "Fargate tasks use the awsvpc network mode." : `The ${v.networkMode} network mode is not available for this operating system.`);
  }
}

/** The task size in numbers, or null where it is not set (EC2 only). */
function checkSize(v: TaskShape, ctx: Ctx): { cpu: number | null; memory: number | null } {
  if (usesFargate(v.launchType)) {
    if (!fargateCpuOptions(v.osFamily).includes(v.cpu)) {
      issue(ctx, ["cpu"], v.cpu ? `${cpuLabel(v.cpu)} is not a Fargate task size${isWindows(v.osFamily) ? " for Windows" : ""}.` : "Pick a CPU size.");
      return { cpu: null, memory: null };
    }
    if (!(FARGATE_SIZES[v.cpu] ?? []).includes(v.memory)) {
      issue(ctx, ["memory"], v.memory ? `${memoryLabel(v.memory)} is not offered with ${cpuLabel(v.cpu)} on Fargate.` : "Pick a memory size.");
      return { cpu: Number(v.cpu), memory: null };
    }
    return { cpu: Number(v.cpu), memory: Number(v.memory) };
  }
  const num = (key: "cpu" | "memory", min: number, max: number, label: string) => {
    if (!v[key]) return null;
    const n = Number(v[key]);
    if (!Number.isInteger(n) || n < min || n > max) {
      issue(ctx, [key], `${label} is ${min} to ${max}${key === "cpu" ? " CPU units (1024 = 1 vCPU)" : " MiB"}, or empty.`);
      return null;
    }
    return n;
  };
  return { cpu: num("cpu", 128, 196608, "Task CPU"), memory: num("memory", 128, 1_048_576, "Task memory") };
}

function checkContainers(v: TaskShape, size: { cpu: number | null; memory: number | null }, ctx: Ctx) {
  const names = new Set<string>();
  const portNames = new Set<string>();
  let cpuSum = 0;
  let memorySum = 0;
  v.containers.forEach((c, i) => {
    const at = (...rest: (string | number)[]) => ["containers", i, ...rest];
    if (names.has(c.name)) issue(ctx, at("name"), `Another container is already named ${c.name}.`);
    names.add(c.name);
    if (c.memory !== undefined && c.memoryReservation !== undefined && c.memoryReservation > c.memory) {
      issue(ctx, at("memoryReservation"), "The soft limit cannot be above the hard limit.");
    }
    if (size.memory === null && !usesFargate(v.launchType) && c.memory === undefined && c.memoryReservation === undefined) {
      issue(ctx, at("memory"), "Without a task memory size, each container needs a hard or soft memory limit.");
    }
    if (size.memory !== null && c.memory !== undefined && c.memory > size.memory) {
      issue(ctx, at("memory"), `The hard limit (${c.memory} MiB) is above the task memory (${size.memory} MiB).`);
    }
    cpuSum += c.cpu ?? 0;
    memorySum += c.memoryReservation ?? c.memory ?? 0;
    if (isWindows(v.osFamily) && c.user) issue(ctx, at("user"), "Windows containers do not support a user.");
    const ports = new Set<string>();
    c.portMappings.forEach((p, j) => {
      const key = `${p.containerPort}/${p.protocol}`;
      if (ports.has(key)) issue(ctx, at("portMappings", j, "containerPort"), `Port ${key} is mapped twice.`);
      ports.add(key);
      if (p.name) {
        if (portNames.has(p.name)) issue(ctx, at("portMappings", j, "name"), `The port name ${p.name} is used twice in this task definition.`);
        portNames.add(p.name);
      }
      if (p.appProtocol && !p.name) issue(ctx, at("portMappings", j, "name"), "Name the port to set an app protocol.");
      if (p.appProtocol && p.protocol !== "tcp") issue(ctx, at("portMappings", j, "appProtocol"), "An app protocol needs the tcp protocol.");
    });
    const envNames = new Set<string>();
    c.environment.forEach((e, j) => {
      if (envNames.has(e.name)) issue(ctx, at("environment", j, "name"), `${e.name} is set twice.`);
      envNames.add(e.name);
    });
    c.secrets.forEach((s, j) => {
      if (envNames.has(s.name)) issue(ctx, at("secrets", j, "name"), `${s.name} is already an environment variable or secret.`);
      envNames.add(s.name);
    });
    if (c.healthCheck.enabled && !c.healthCheck.command) issue(ctx, at("healthCheck", "command"), "Enter the command that checks the container.");
  });
  if (!v.containers.some((c) => c.essential)) issue(ctx, ["containers", 0, "essential"], "At least one container must be essential.");
  if (size.memory !== null && memorySum > size.memory) {
    issue(ctx, ["containers", 0, "memoryReservation"], `The containers reserve ${memorySum} MiB, more than the task's ${size.memory} MiB.`);
  }
  if (size.cpu !== null && cpuSum > size.cpu) {
    issue(ctx, ["containers", 0, "cpu"], `The containers reserve ${cpuSum} CPU units, more than the task's ${size.cpu}.`);
  }
}

function checkRoles(v: TaskShape, ctx: Ctx) {
  if (v.taskRoleMode === "existing" && !ROLE_ARN.test(v.taskRoleArn)) {
    issue(ctx, ["taskRoleArn"], v.taskRoleArn ? "Enter an IAM role ARN (arn:aws:iam::<account>:role/<name>)." : "Pick a role.");
  }
  if (v.executionRoleMode === "existing" && !ROLE_ARN.test(v.executionRoleArn)) {
    issue(ctx, ["executionRoleArn"], v.executionRoleArn ? "Enter an IAM role ARN (arn:aws:iam::<account>:role/<name>)." : "Pick a role.");
  }
  if (v.executionRoleMode === "none") {
    const needs = executionRoleNeeds(v.containers);
    if (needs.length) issue(ctx, ["executionRoleMode"], `A task execution role is needed for ${needs.join(", ")}.`);
  }
}

/** What in the containers needs ECS to act for the task (pull from private ECR, write logs, read secrets). */
export function executionRoleNeeds(containers: Pick<ContainerInput, "image" | "logs" | "secrets">[]): string[] {
  const needs: string[] = [];
  if (containers.some((c) => parseImageUri(c.image)?.kind === "ecr")) needs.push("private ECR images");
  if (containers.some((c) => c.logs.enabled)) needs.push("awslogs log collection");
  if (containers.some((c) => c.secrets.length > 0)) needs.push("secrets");
  return needs;
}

export const deregisterTaskDefinitionSchema = z.object({
  connectionId: z.string().min(1),
  region: z.string().min(1),
  family: familySchema,
  revision: z.coerce.number().int().min(1),
  reviewedHash: z.string().optional(),
});

export type DeregisterTaskDefinitionInput = z.infer<typeof deregisterTaskDefinitionSchema>;
