import type { ContainerInput, CreateTaskDefinitionInput, DeregisterTaskDefinitionInput } from "@/lib/ecs/task-definitions/schema";
import { usesFargate } from "@/lib/ecs/task-definitions/schema";
import { withCarriedFields, type CarriedFields } from "@/lib/ecs/task-definitions/carry-over";
import { readSecretsStep, secretArnsOf } from "@/lib/ecs/task-definitions/secrets-policy";
import { buildCreateRoleSteps, roleArnRef, STANDARD_ROLES } from "@/lib/iam/roles";
import { managedRoleFix } from "@/lib/iam/managed-roles";
import type { RoleFacts } from "@/lib/iam/role-check";
import type { Plan, PlanStep } from "@/lib/core/plans/types";

export const taskDefinitionResource = (family: string) => `ecs:task-definition/${family}`;
export const familyPath = (family: string) => `/ecs/task-definitions/${encodeURIComponent(family)}`;
export const revisionPath = (family: string, revision: number | "latest") => `${familyPath(family)}/${revision}`;

/**
 * What the plan needs to know about AWS now: log groups that already exist are not created
 * again; for a new revision, the base revision's settings the wizard does not edit.
 */
export type TaskDefinitionContext = {
  existingLogGroups: string[];
  carried?: CarriedFields;
  /** The picked execution role as read from IAM: checked for the execution policy it needs. */
  executionRole?: RoleFacts | null;
};

/** "CMD-SHELL, curl -f …" as the console shows it → the healthCheck.command array. */
export function healthCommand(type: string, command: string): string[] {
  if (type === "CMD-SHELL") return ["CMD-SHELL", command];
  return ["CMD", ...command.split(/\s+/).filter(Boolean)];
}

function containerDefinition(c: ContainerInput, region: string) {
  return {
    name: c.name,
    image: c.image,
    essential: c.essential,
    ...(c.cpu !== undefined ? { cpu: c.cpu } : {}),
    ...(c.memory !== undefined ? { memory: c.memory } : {}),
    ...(c.memoryReservation !== undefined ? { memoryReservation: c.memoryReservation } : {}),
    ...(c.user ? { user: c.user } : {}),
    ...(c.stopTimeout !== undefined ? { stopTimeout: c.stopTimeout } : {}),
    portMappings: c.portMappings.map((p) => ({
      containerPort: p.containerPort,
      protocol: p.protocol,
      ...(p.name ? { name: p.name } : {}),
      ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}),
    })),
    environment: c.environment.map((e) => ({ name: e.name, value: e.value })),
    ...(c.secrets.length ? { secrets: c.secrets.map((s) => ({ name: s.name, valueFrom: s.valueFrom })) } : {}),
    ...(c.logs.enabled
      ? {
          logConfiguration: {
            logDriver: "awslogs",
            options: { "awslogs-group": c.logs.group, "awslogs-region": region, "awslogs-stream-prefix": c.logs.streamPrefix },
          },
        }
      : {}),
    ...(c.healthCheck.enabled
      ? {
          healthCheck: {
            command: healthCommand(c.healthCheck.type, c.healthCheck.command),
            interval: c.healthCheck.interval,
            timeout: c.healthCheck.timeout,
            retries: c.healthCheck.retries,
            startPeriod: c.healthCheck.startPeriod,
          },
        }
      : {}),
  };
}

/**
 * A task definition revision as the console registers it: the log groups the
 * containers write to that do not exist yet (checked before the plan is built),
 * the standard ecsTaskExecutionRole when the person chose to create it, an inline policy that
 * lets the execution role read the Secrets Manager secrets the containers name, then one
 * RegisterTaskDefinition that references the role's ARN. Registering into an
 * existing family adds the next revision.
 */
export function buildRegisterTaskDefinitionPlan(input: CreateTaskDefinitionInput, ctx: TaskDefinitionContext): Plan {
  const steps: PlanStep[] = [];
  const existing = new Set(ctx.existingLogGroups);
  const groups = [...new Set(input.containers.filter((c) => c.logs.enabled).map((c) => c.logs.group))].filter((g) => !existing.has(g));
  groups.forEach((group, i) => {
    steps.push({
      key: `logGroup${i + 1}`,
      service: "logs",
      operation: "CreateLogGroup",
      description: `Create log group ${group}`,
      input: { logGroupName: group },
      inverse: { service: "logs", operation: "DeleteLogGroup", description: `Delete log group ${group}`, input: { logGroupName: group } },
    });
  });

  let executionRoleArn: unknown;
  const roleFix = input.executionRoleMode === "existing"
    ? managedRoleFix("executionRolePolicy", ctx.executionRole ?? null, [STANDARD_ROLES.execution.policyArn], "pulling this task definition's images and writing its logs")
    : { steps: [], warnings: [] };
  if (input.executionRoleMode === "existing") {
    executionRoleArn = input.executionRoleArn;
    steps.push(...roleFix.steps);
  }
  if (input.executionRoleMode === "create") {
    steps.push(...buildCreateRoleSteps("execution", "executionRole"));
    executionRoleArn = roleArnRef("executionRole");
  }
  if (input.executionRoleMode !== "none") {
    const creating = input.executionRoleMode === "create";
    const readSecrets = readSecretsStep({
      roleName: creating ? STANDARD_ROLES.execution.name : (ctx.executionRole?.name ?? input.executionRoleArn.split("/").pop()!),
      arns: secretArnsOf(input.containers),
      role: creating ? null : (ctx.executionRole ?? null),
      after: creating ? "executionRole" : undefined,
    });
    if (readSecrets) steps.push(readSecrets);
  }

  const fargate = usesFargate(input.launchType);
  const request = withCarriedFields({
    family: input.family,
    requiresCompatibilities: input.launchType === "FARGATE_EC2" ? ["FARGATE", "EC2"] : [input.launchType],
    ...(input.networkMode !== "default" ? { networkMode: input.networkMode } : {}),
    runtimePlatform: { operatingSystemFamily: input.osFamily, cpuArchitecture: input.cpuArchitecture },
    ...(input.cpu || fargate ? { cpu: input.cpu } : {}),
    ...(input.memory || fargate ? { memory: input.memory } : {}),
    ...(input.taskRoleMode === "existing" ? { taskRoleArn: input.taskRoleArn } : {}),
    ...(executionRoleArn !== undefined ? { executionRoleArn } : {}),
    containerDefinitions: input.containers.map((c) => containerDefinition(c, input.region)),
    ...(input.tags.length ? { tags: input.tags.map((t) => ({ key: t.key, value: t.value })) } : {}),
  }, ctx.carried);
  steps.push({
    key: "register",
    service: "ecs",
    operation: "RegisterTaskDefinition",
    description: `Register a revision of task definition ${input.family}`,
    dependsOn: steps.length ? steps.map((s) => s.key) : undefined,
    input: request,
    produces: { taskDefinitionArn: "taskDefinition.taskDefinitionArn" },
    inverse: {
      service: "ecs",
      operation: "DeregisterTaskDefinition",
      description: `Deregister the new revision of ${input.family}`,
      input: { taskDefinition: { $ref: "register.taskDefinitionArn" } },
    },
  });

  return {
    version: 1,
    wizard: "ecs-task-definition",
    title: `Register task definition ${input.family}`,
    resources: [taskDefinitionResource(input.family)],
    landing: revisionPath(input.family, "latest"),
    steps,
    ...(roleFix.warnings.length ? { warnings: roleFix.warnings } : {}),
  };
}

/** Deregistering marks the revision INACTIVE: running tasks and services keep it, new ones cannot use it. */
export function buildDeregisterTaskDefinitionPlan(input: DeregisterTaskDefinitionInput): Plan {
  const name = `${input.family}:${input.revision}`;
  return {
    version: 1,
    wizard: "ecs-task-definition-deregister",
    title: `Deregister task definition ${name}`,
    resources: [taskDefinitionResource(input.family)],
    landing: revisionPath(input.family, input.revision),
    steps: [
      {
        key: "deregister",
        service: "ecs",
        operation: "DeregisterTaskDefinition",
        description: `Deregister task definition ${name}`,
        input: { taskDefinition: name },
      },
    ],
  };
}
