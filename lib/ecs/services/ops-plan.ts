import { registrableJson, type TaskDefinitionView } from "@/lib/ecs/task-definitions/view";
import type { DeployServiceInput, ForceDeploymentInput, RollbackInput, ScaleServiceInput, StopTaskInput } from "@/lib/ecs/services/ops-schema";
import { taskIdOf } from "@/lib/ecs/services/ops-schema";
import { servicePath } from "./plan";
import type { Plan, PlanStep, WaitFor } from "@/lib/core/plans/types";
import { plural } from "@/lib/core/format/plural";

/** Wizard names of the service actions, as the history lists and filters them. */
export const SERVICE_OPS = {
  scale: "ecs-service-scale",
  deploy: "ecs-service-deploy",
  force: "ecs-service-force-deployment",
  stopTask: "ecs-service-stop-task",
  rollback: "ecs-service-rollback",
} as const;

/** How long a deployment may roll before the run gives up following it (the deployment itself goes on). */
export const DEFAULT_ROLLOUT_TIMEOUT_MS = 30 * 60_000;

type Target = { cluster: string; service: string };

const serviceKey = (t: Target) => `ecs:service/${t.cluster}/${t.service}`;
const ids = (t: Target) => ({ cluster: t.cluster, service: t.service });
const common = (t: Target) => ({ version: 1 as const, resources: [serviceKey(t), `ecs:cluster/${t.cluster}`], landing: servicePath(t.cluster, t.service) });

/** What an UpdateService step that starts a deployment produces: the new PRIMARY deployment, listed first. */
export const DEPLOYMENT_OUTPUT = { deploymentId: "service.deployments.0.id" };

/**
 * Follows the deployment UpdateService started (by its id) until ECS reports it COMPLETED, or
 * FAILED when the circuit breaker gives up. Followed by id, not as "the first deployment": on a
 * circuit breaker rollback ECS puts the rollback deployment first, and that one completing does
 * not mean this deployment did.
 */
export function rolloutWait(t: Target, stepKey: string, timeoutMs = DEFAULT_ROLLOUT_TIMEOUT_MS): WaitFor {
  return {
    service: "ecs",
    operation: "DescribeServices",
    input: { cluster: t.cluster, services: [t.service] },
    path: `services.0.deployments.[id={${stepKey}.deploymentId}].rolloutState`,
    success: ["COMPLETED"],
    // "unknown": the deployment is no longer listed. A completed PRIMARY stays listed, so it was
    // replaced before completing (a circuit breaker rollback whose FAILED deployment drained
    // between two polls, a newer deployment) or the service is gone.
    failure: ["FAILED", "unknown"],
    description: `the deployment of ${t.service} to complete`,
    intervalMs: 5_000,
    timeoutMs,
  };
}

function updateService(t: Target, key: string, description: string, input: Record<string, unknown>, inverse?: PlanStep["inverse"], extra: Partial<PlanStep> = {}): PlanStep {
  return { key, service: "ecs", operation: "UpdateService", description, input: { ...ids(t), ...input }, inverse, ...extra };
}

/** UpdateService desiredCount; undone by putting the previous count back. */
export function buildScalePlan(input: ScaleServiceInput, current: { desired: number }): Plan {
  const tasks = (n: number) => plural(n, "task");
  return {
    ...common(input),
    wizard: SERVICE_OPS.scale,
    title: `Set ${input.service} to ${tasks(input.desiredCount)} (from ${current.desired})`,
    steps: [
      updateService(input, "scale", `Set the desired count of ${input.service} from ${current.desired} to ${input.desiredCount}`, { desiredCount: input.desiredCount }, {
        service: "ecs", operation: "UpdateService", description: `Set ${input.service} back to ${tasks(current.desired)}`, input: { ...ids(input), desiredCount: current.desired },
      }),
    ],
  };
}

const family = (rev: string) => rev.slice(0, rev.lastIndexOf(":"));

/**
 * The running revision with one container's image changed; every other field carried over,
 * the fields AWS sets itself (ARN, revision, status, registeredAt …) left out.
 */
export function nextRevisionInput(current: TaskDefinitionView, container: string, image: string): Record<string, unknown> {
  if (!current.containerDefinitions.some((c) => c.name === container)) throw new Error(`${current.family}:${current.revision} has no container named ${container}`);
  const json = registrableJson(current);
  return { ...json, containerDefinitions: current.containerDefinitions.map((c) => (c.name === container ? { ...c, image } : c)) };
}

/**
 * Deploy: a new image registers a revision copied from the running one, then UpdateService
 * moves the service to it; an existing revision is deployed with UpdateService alone. Either
 * way the run follows the rollout to COMPLETED.
 * @param running the revision the service runs now ("web:3") and, for a new image, its definition.
 */
export function buildDeployPlan(input: DeployServiceInput, running: { taskDefinition: string; definition?: TaskDefinitionView }, timeoutMs?: number): Plan {
  const back: PlanStep["inverse"] = {
    service: "ecs", operation: "UpdateService", description: `Move ${input.service} back to ${running.taskDefinition}`, input: { ...ids(input), taskDefinition: running.taskDefinition },
  };
  if (input.mode === "revision") {
    return {
      ...common(input),
      wizard: SERVICE_OPS.deploy,
      title: `Deploy ${input.taskDefinition} to ${input.service} (from ${running.taskDefinition})`,
      steps: [updateService(input, "deploy", `Deploy ${input.taskDefinition} to ${input.service}, replacing ${running.taskDefinition}`, { taskDefinition: input.taskDefinition }, back, { produces: DEPLOYMENT_OUTPUT, waitFor: rolloutWait(input, "deploy", timeoutMs) })],
    };
  }
  const def = running.definition;
  if (!def) throw new Error("A new image needs the running task definition");
  const from = `${def.family}:${def.revision}`;
  const previous = def.containerDefinitions.find((c) => c.name === input.container)?.image;
  return {
    ...common(input),
    resources: [...common(input).resources, `ecs:task-definition/${def.family}`],
    wizard: SERVICE_OPS.deploy,
    title: `Deploy ${input.image} to ${input.service} (container ${input.container})`,
    steps: [
      {
        key: "register",
        service: "ecs",
        operation: "RegisterTaskDefinition",
        description: `Register a new revision of ${def.family} from ${from}, container ${input.container} image ${previous} → ${input.image}`,
        input: nextRevisionInput(def, input.container, input.image),
        produces: { taskDefinitionArn: "taskDefinition.taskDefinitionArn" },
        inverse: { service: "ecs", operation: "DeregisterTaskDefinition", description: `Deregister the new revision of ${def.family}`, input: { taskDefinition: { $ref: "register.taskDefinitionArn" } } },
      },
      updateService(input, "deploy", `Deploy the new revision to ${input.service}, replacing ${from}`, { taskDefinition: { $ref: "register.taskDefinitionArn" } }, back, {
        dependsOn: ["register"],
        produces: DEPLOYMENT_OUTPUT,
        waitFor: rolloutWait(input, "deploy", timeoutMs),
      }),
    ],
  };
}

/** Force new deployment: same revision, fresh tasks (new image pulls of a mutable tag, a new host). */
export function buildForceDeploymentPlan(input: ForceDeploymentInput, running: { taskDefinition: string }, timeoutMs?: number): Plan {
  return {
    ...common(input),
    wizard: SERVICE_OPS.force,
    title: `Force a new deployment of ${input.service} (${running.taskDefinition})`,
    steps: [updateService(input, "force", `Replace every task of ${input.service} with a new one running ${running.taskDefinition}`, { forceNewDeployment: true }, undefined, { produces: DEPLOYMENT_OUTPUT, waitFor: rolloutWait(input, "force", timeoutMs) })],
  };
}

/** StopTask with the reason ECS keeps on the stopped task; the run waits until the task is STOPPED. */
export function buildStopTaskPlan(input: StopTaskInput): Plan {
  const id = taskIdOf(input.task);
  return {
    ...common(input),
    resources: [...common(input).resources, `ecs:task/${input.cluster}/${id}`],
    wizard: SERVICE_OPS.stopTask,
    title: `Stop task ${id} of ${input.service}`,
    steps: [
      {
        key: "stop",
        service: "ecs",
        operation: "StopTask",
        description: `Stop task ${id}: ${input.reason}`,
        input: { cluster: input.cluster, task: input.task, reason: input.reason },
        waitFor: {
          service: "ecs",
          operation: "DescribeTasks",
          input: { cluster: input.cluster, tasks: [input.task] },
          path: "tasks.0.lastStatus",
          success: ["STOPPED"],
          description: `task ${id} to stop`,
          intervalMs: 3_000,
          timeoutMs: 10 * 60_000,
        },
      },
    ],
  };
}

/** Roll back: UpdateService to the revision that ran before, then follow the rollout. */
export function buildRollbackPlan(input: RollbackInput, timeoutMs?: number): Plan {
  const { fromTaskDefinition: from, toTaskDefinition: to } = input;
  return {
    ...common(input),
    resources: [...common(input).resources, `ecs:task-definition/${family(to)}`],
    wizard: SERVICE_OPS.rollback,
    title: `Roll back ${input.service} from ${from} to ${to}`,
    steps: [
      updateService(input, "rollback", `Roll ${input.service} back from ${from} to ${to}`, { taskDefinition: to }, {
        service: "ecs", operation: "UpdateService", description: `Move ${input.service} forward again to ${from}`, input: { ...ids(input), taskDefinition: from },
      }, { produces: DEPLOYMENT_OUTPUT, waitFor: rolloutWait(input, "rollback", timeoutMs) }),
    ],
  };
}
