import { HEALTH_DEFAULTS, TASK_DEFAULTS } from "@/lib/ecs/task-definitions/schema";
import { carriedFields, carriedNames } from "./carry-over";
import type { EnvVar } from "./env-file";
import type { ContainerView, TaskDefinitionView } from "./view";

/** The wizard's state: what the browser posts, as strings and booleans, before zod turns it into values. */
export type PortForm = { containerPort: string; protocol: string; name: string; appProtocol: string };
export type SecretForm = { name: string; valueFrom: string };
export type ContainerForm = {
  name: string;
  image: string;
  essential: boolean;
  cpu: string;
  memory: string;
  memoryReservation: string;
  /** Seconds ECS waits after SIGTERM before SIGKILL; empty: ECS's default (30). */
  stopTimeout: string;
  user: string;
  portMappings: PortForm[];
  environment: EnvVar[];
  secrets: SecretForm[];
  logs: { enabled: boolean; group: string; streamPrefix: string };
  healthCheck: { enabled: boolean; type: string; command: string; interval: string; timeout: string; retries: string; startPeriod: string };
};
export type TaskDefinitionForm = {
  family: string;
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
  containers: ContainerForm[];
  tags: { key: string; value: string }[];
};

export const defaultLogGroup = (family: string) => `/ecs/${family || "<family>"}`;

/** A new container as the console starts one: essential, port 80/tcp, logs to /ecs/<family> with prefix ecs. */
export function newContainer(family: string, first: boolean): ContainerForm {
  return {
    name: "",
    image: "",
    essential: first,
    cpu: "",
    memory: "",
    memoryReservation: "",
    stopTimeout: "",
    user: "",
    portMappings: first ? [{ containerPort: "80", protocol: "tcp", name: "", appProtocol: "" }] : [],
    environment: [],
    secrets: [],
    logs: { enabled: true, group: defaultLogGroup(family), streamPrefix: "ecs" },
    healthCheck: { enabled: false, type: "CMD-SHELL", command: "", ...HEALTH_DEFAULTS },
  };
}

export function emptyForm(): TaskDefinitionForm {
  return {
    family: "",
    ...TASK_DEFAULTS,
    taskRoleMode: "none",
    taskRoleArn: "",
    executionRoleMode: "create",
    executionRoleArn: "",
    containers: [newContainer("", true)],
    tags: [],
  };
}

const str = (n: number | undefined) => (n === undefined || n === null ? "" : String(n));

function containerFrom(c: ContainerView, family: string): ContainerForm {
  const logs = c.logConfiguration?.logDriver === "awslogs" ? c.logConfiguration.options ?? {} : null;
  const cmd = c.healthCheck?.command ?? [];
  return {
    name: c.name,
    image: c.image,
    essential: c.essential !== false,
    cpu: c.cpu ? String(c.cpu) : "",
    memory: str(c.memory),
    memoryReservation: str(c.memoryReservation),
    stopTimeout: str(c.stopTimeout),
    user: c.user ?? "",
    portMappings: (c.portMappings ?? []).map((p) => ({ containerPort: str(p.containerPort), protocol: p.protocol ?? "tcp", name: p.name ?? "", appProtocol: p.appProtocol ?? "" })),
    environment: (c.environment ?? []).map((e) => ({ name: e.name ?? "", value: e.value ?? "" })),
    secrets: (c.secrets ?? []).map((s) => ({ name: s.name ?? "", valueFrom: s.valueFrom ?? "" })),
    logs: logs
      ? { enabled: true, group: logs["awslogs-group"] ?? defaultLogGroup(family), streamPrefix: logs["awslogs-stream-prefix"] ?? "ecs" }
      : { enabled: false, group: defaultLogGroup(family), streamPrefix: "ecs" },
    healthCheck: c.healthCheck
      ? {
          enabled: true,
          type: cmd[0] === "CMD" ? "CMD" : "CMD-SHELL",
          command: cmd[0] === "CMD" || cmd[0] === "CMD-SHELL" ? cmd.slice(1).join(" ") : cmd.join(" "),
          interval: str(c.healthCheck.interval ?? 30),
          timeout: str(c.healthCheck.timeout ?? 5),
          retries: str(c.healthCheck.retries ?? 3),
          startPeriod: str(c.healthCheck.startPeriod ?? 0),
        }
      : { enabled: false, type: "CMD-SHELL", command: "", ...HEALTH_DEFAULTS },
  };
}

/**
 * The wizard's values for a new revision of an existing one, and the settings the wizard
 * does not edit (volumes, commands…), which the new revision carries over unchanged.
 */
export function formFromRevision(def: TaskDefinitionView): { values: TaskDefinitionForm; carried: string[] } {
  const compat = def.requiresCompatibilities ?? [];
  const launchType = compat.includes("FARGATE") && compat.includes("EC2") ? "FARGATE_EC2" : compat.includes("EC2") ? "EC2" : "FARGATE";
  const carried = carriedNames(carriedFields(def));
  return {
    values: {
      family: def.family,
      launchType,
      osFamily: def.runtimePlatform?.operatingSystemFamily ?? TASK_DEFAULTS.osFamily,
      cpuArchitecture: def.runtimePlatform?.cpuArchitecture ?? TASK_DEFAULTS.cpuArchitecture,
      networkMode: def.networkMode ?? "default",
      cpu: def.cpu ?? "",
      memory: def.memory ?? "",
      taskRoleMode: def.taskRoleArn ? "existing" : "none",
      taskRoleArn: def.taskRoleArn ?? "",
      executionRoleMode: def.executionRoleArn ? "existing" : "none",
      executionRoleArn: def.executionRoleArn ?? "",
      containers: def.containerDefinitions.map((c) => containerFrom(c, def.family)),
      tags: (def.tags ?? []).filter((t) => t.key && !t.key.startsWith("aws:")).map((t) => ({ key: t.key!, value: t.value ?? "" })),
    },
    carried,
  };
}
