"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { listRuns } from "@/lib/core/audit/runs";
import { callAws } from "@/lib/core/aws/call";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { getServiceDetail, type ServiceDetail } from "@/lib/ecs/services/reads";
import { describeTaskDefinition, listRevisions } from "@/lib/ecs/task-definitions/reads";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import { ECS_DIMENSION, ECS_NAMESPACE, resourceId } from "@/lib/ecs/scaling/plan";
import { DEFAULT_ROLLOUT_TIMEOUT_MS, buildDeployPlan, buildForceDeploymentPlan, buildRollbackPlan, buildScalePlan, buildStopTaskPlan } from "@/lib/ecs/services/ops-plan";
import { rollbackCandidates, type RollbackCandidate } from "@/lib/ecs/services/rollback";
import { reviewOf, submitPlan } from "@/lib/core/plans/submit";
import { reviewImageWarnings } from "@/lib/ecr/image-picker/reads";
import { withImageWarnings } from "@/lib/ecr/image-picker/review";
import type { Plan } from "@/lib/core/plans/types";
import type { SessionUser } from "@/lib/core/auth/session";
import {
  deployServiceSchema,
  forceDeploymentSchema,
  rollbackSchema,
  scaleServiceSchema,
  stopTaskSchema,
  taskIdOf,
  type DeployServiceInput,
  type RollbackInput,
  type StopTaskInput,
} from "@/lib/ecs/services/ops-schema";
import { defineAction } from "@/lib/core/actions/action";
import type { ActionState } from "@/lib/core/actions/state";

type Target = { connectionId: string; region: string; cluster: string; service: string };

async function connectionFor(input: Target) {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  return conn;
}

/** The service as AWS holds it now (not the page's cached copy): plans are built from the truth. */
async function serviceNow(conn: ConnectionSettings, input: Target): Promise<ServiceDetail> {
  const service = await getServiceDetail(conn, input.region, input.cluster, input.service);
  if (!service) throw new NotFoundError(`Service ${input.service} no longer exists in cluster ${input.cluster}.`);
  return service;
}

/** How long a run follows a rollout; PORTSIDE_ROLLOUT_TIMEOUT_MS shortens it (tests against an endpoint that never completes). */
const rolloutTimeout = () => Number(process.env.PORTSIDE_ROLLOUT_TIMEOUT_MS) || DEFAULT_ROLLOUT_TIMEOUT_MS;

/** Application Auto Scaling's range for the service's desired count, when a scalable target exists. */
async function autoScalingRange(conn: ConnectionSettings, input: Target): Promise<{ min: number; max: number } | null> {
  const { output } = await callAws(conn, input.region, "appautoscaling", "DescribeScalableTargets", {
    ServiceNamespace: ECS_NAMESPACE,
    ResourceIds: [resourceId(input.cluster, input.service)],
    ScalableDimension: ECS_DIMENSION,
  });
  const target = (output.ScalableTargets as { MinCapacity?: number; MaxCapacity?: number }[] | undefined)?.[0];
  return target ? { min: target.MinCapacity ?? 0, max: target.MaxCapacity ?? 0 } : null;
}

async function candidatesFor(input: Target, service: ServiceDetail): Promise<RollbackCandidate[]> {
  const key = `ecs:service/${input.cluster}/${input.service}`;
  // The resource filter matches by fragment ("api" also finds "api2"); keep this service's runs only.
  const runs = (await listRuns({ resource: key }, 200)).filter((r) => r.resources.includes(key) && r.connectionId === input.connectionId && r.region === input.region);
  return rollbackCandidates({ cluster: input.cluster, service: input.service, current: service.taskDefinition, runs, deployments: service.deployments });
}

export type ServiceActionContext = {
  desired: number;
  taskDefinition: string;
  autoScaling: { min: number; max: number } | null;
  containers: { name: string; image: string }[];
  revisions: string[];
  candidates: RollbackCandidate[];
};

/** What the action dialogs show when they open: counts, containers, revisions, rollback targets, auto scaling. */
export const serviceActionContextAction = defineAction({
  role: "operator",
  does: "change services",
  schema: z.object({
    connectionId: z.string().min(1),
    region: z.string().min(1),
    cluster: z.string().min(1),
    service: z.string().min(1),
    kind: z.enum(["scale", "deploy", "rollback"]),
  }),
  run: async (input) => {
    const conn = await connectionFor(input);
    const service = await serviceNow(conn, input);
    const data: ServiceActionContext = { desired: service.desired, taskDefinition: service.taskDefinition, autoScaling: null, containers: [], revisions: [], candidates: [] };
    if (input.kind === "scale") data.autoScaling = await autoScalingRange(conn, input);
    if (input.kind === "deploy") {
      const def = await describeTaskDefinition(conn, input.region, service.taskDefinition);
      data.containers = (def?.containerDefinitions ?? []).map((c) => ({ name: c.name, image: c.image }));
      const family = service.taskDefinition.slice(0, service.taskDefinition.lastIndexOf(":"));
      data.revisions = (await listRevisions(conn, input.region, family)).filter((r) => r.status === "ACTIVE").map((r) => `${r.family}:${r.revision}`);
    }
    if (input.kind === "rollback") data.candidates = await candidatesFor(input, service);
    return { ok: true, data };
  },
});

type Built = { plan: Plan } | { errors: Record<string, string[]> };

/** Review and confirm of one action share the builder; confirm refuses a plan that changed since review. */
function previewAndRun<S extends z.ZodType<Target & { reviewedHash?: string }>>(does: string, schema: S, build: (input: z.output<S>, conn: ConnectionSettings) => Promise<Built>) {
  const fail = (errors: Record<string, string[]>): ActionState => ({ ok: false, message: "Check the highlighted fields.", fieldErrors: errors });
  const preview = defineAction({
    role: "operator",
    does,
    schema,
    run: async (input) => {
      const built = await build(input, await connectionFor(input));
      return "errors" in built ? fail(built.errors) : { ok: true, data: reviewOf(built.plan, input.region) };
    },
  });
  const confirm = defineAction({
    role: "operator",
    does,
    schema,
    run: async (input, { user }: { user: SessionUser }) => {
      const built = await build(input, await connectionFor(input));
      if ("errors" in built) return fail(built.errors);
      const runId = await submitPlan({ user, input, plan: built.plan, reviewedHash: input.reviewedHash });
      redirect(`/history/${runId}`);
    },
  });
  return { preview, confirm };
}

const scale = previewAndRun("change services", scaleServiceSchema, async (input, conn) => {
  const service = await serviceNow(conn, input);
  return { plan: buildScalePlan(input, { desired: service.desired }) };
});
export const previewScaleServiceAction = scale.preview;
export const scaleServiceAction = scale.confirm;

async function buildDeploy(input: DeployServiceInput, conn: ConnectionSettings): Promise<Built> {
  const service = await serviceNow(conn, input);
  if (input.mode === "revision") {
    if (input.taskDefinition === service.taskDefinition) return { errors: { taskDefinition: [`${input.service} already runs ${input.taskDefinition}; use Force new deployment to replace its tasks.`] } };
    return { plan: buildDeployPlan(input, { taskDefinition: service.taskDefinition }, rolloutTimeout()) };
  }
  const definition = await describeTaskDefinition(conn, input.region, service.taskDefinition);
  if (!definition) throw new NotFoundError(`Task definition ${service.taskDefinition}, which ${input.service} runs, no longer exists.`);
  const container = definition.containerDefinitions.find((c) => c.name === input.container);
  if (!container) return { errors: { container: [`${service.taskDefinition} has no container named ${input.container}.`] } };
  if (container.image === input.image) return { errors: { image: [`Container ${input.container} already runs ${input.image}.`] } };
  const plan = buildDeployPlan(input, { taskDefinition: service.taskDefinition, definition }, rolloutTimeout());
  return { plan: withImageWarnings(plan, await reviewImageWarnings(conn, [input.image])) };
}
const deploy = previewAndRun("deploy services", deployServiceSchema, buildDeploy);
export const previewDeployServiceAction = deploy.preview;
export const deployServiceAction = deploy.confirm;

const force = previewAndRun("deploy services", forceDeploymentSchema, async (input, conn) => {
  const service = await serviceNow(conn, input);
  return { plan: buildForceDeploymentPlan(input, { taskDefinition: service.taskDefinition }, rolloutTimeout()) };
});
export const previewForceDeploymentAction = force.preview;
export const forceDeploymentAction = force.confirm;

/** The task must be one of this service's (its group is "service:<name>") and not stopped already. */
async function buildStop(input: StopTaskInput, conn: ConnectionSettings): Promise<Built> {
  const { output } = await callAws(conn, input.region, "ecs", "DescribeTasks", { cluster: input.cluster, tasks: [input.task] });
  const task = (output.tasks as { group?: string; lastStatus?: string }[] | undefined)?.[0];
  if (!task || task.group !== `service:${input.service}`) return { errors: { task: [`Task ${taskIdOf(input.task)} is not a task of ${input.service}.`] } };
  if (task.lastStatus === "STOPPED") return { errors: { task: [`Task ${taskIdOf(input.task)} has stopped already.`] } };
  return { plan: buildStopTaskPlan(input) };
}
const stop = previewAndRun("stop tasks", stopTaskSchema, buildStop);
export const previewStopTaskAction = stop.preview;
export const stopTaskAction = stop.confirm;

async function buildRollback(input: RollbackInput, conn: ConnectionSettings): Promise<Built> {
  const service = await serviceNow(conn, input);
  if (service.taskDefinition !== input.fromTaskDefinition) {
    throw new ConflictError(`${input.service} now runs ${service.taskDefinition}, not ${input.fromTaskDefinition}; open Roll back again to see its history.`);
  }
  const candidates = await candidatesFor(input, service);
  if (!candidates.some((c) => c.taskDefinition === input.toTaskDefinition)) {
    return { errors: { toTaskDefinition: [`Nothing in ${input.service}'s history or deployments shows it ran ${input.toTaskDefinition}.`] } };
  }
  return { plan: buildRollbackPlan(input, rolloutTimeout()) };
}
const rollback = previewAndRun("roll back services", rollbackSchema, buildRollback);
export const previewRollbackAction = rollback.preview;
export const rollbackAction = rollback.confirm;
