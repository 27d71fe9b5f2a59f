"use server";

import { getServiceScaling, queueAlarmsOf } from "@/lib/ecs/scaling/reads";
import { describeClusterCapacity } from "@/lib/ecs/clusters/capacity";
import { getServiceDetail } from "@/lib/ecs/services/reads";
import { queueUrlOf } from "@/lib/ecs/scaling/queues";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { ConflictError } from "@/lib/core/errors";
import {
  buildManagedScalingPlan,
  buildQueueScalingPlan,
  buildRemoveScalingPlan,
  buildScheduledScalingPlan,
  buildServiceScalingPlan,
  queueAlarmName,
} from "@/lib/ecs/scaling/plan";
import {
  managedScalingSchema,
  queueScalingSchema,
  removeScalingSchema,
  scheduledScalingSchema,
  serviceScalingSchema,
  type QueueScalingInput,
} from "@/lib/ecs/scaling/schema";
import type { ActionState } from "@/lib/core/actions/state";
import { reviewedPlan } from "@/lib/core/actions/reviewed-plan";

type ServiceTarget = { connectionId: string; region: string; cluster: string; service: string };

async function connectionFor(input: { connectionId: string; region: string }) {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  return conn;
}

async function scalingOf(input: ServiceTarget) {
  const conn = await connectionFor(input);
  if (!(await getServiceDetail(conn, input.region, input.cluster, input.service))) {
    throw new ConflictError(`There is no active service ${input.service} in cluster ${input.cluster} (${input.region}).`);
  }
  return { conn, scaling: await getServiceScaling(conn, input.region, input.cluster, input.service) };
}

const service = reviewedPlan({
  does: "change service auto scaling",
  schema: serviceScalingSchema,
  build: async (input) => {
    const { scaling } = await scalingOf(input);
    return buildServiceScalingPlan(input, { range: scaling.target, policyNames: scaling.policies.map((p) => p.name) });
  },
});
export const previewServiceScalingAction = service.preview;
export const applyServiceScalingAction = service.confirm;

async function checkQueue(input: QueueScalingInput): Promise<ActionState | null> {
  const conn = await connectionFor(input);
  const url = await queueUrlOf(conn, input.region, input.queueName);
  if (input.queueMode === "existing" && !url) return { ok: false, message: "Check the highlighted fields.", fieldErrors: { queueName: [`There is no SQS queue named ${input.queueName} in ${input.region}.`] } };
  if (input.queueMode === "create" && url) return { ok: false, message: "Check the highlighted fields.", fieldErrors: { queueName: [`A queue named ${input.queueName} already exists: pick it as an existing queue.`] } };
  return null;
}

const queue = reviewedPlan({
  does: "change service auto scaling",
  schema: queueScalingSchema,
  check: checkQueue,
  build: async (input) => buildQueueScalingPlan(input, { range: (await scalingOf(input)).scaling.target }),
});
export const previewQueueScalingAction = queue.preview;
export const applyQueueScalingAction = queue.confirm;

const scheduled = reviewedPlan({
  does: "change service auto scaling",
  schema: scheduledScalingSchema,
  build: async (input) => buildScheduledScalingPlan(input, { range: (await scalingOf(input)).scaling.target }),
});
export const previewScheduledScalingAction = scheduled.preview;
export const applyScheduledScalingAction = scheduled.confirm;

const remove = reviewedPlan({
  does: "change service auto scaling",
  schema: removeScalingSchema,
  check: async (input) => ((await scalingOf(input)).scaling.target ? null : { ok: false, message: `${input.service} is not auto scaled.` }),
  build: async (input) => {
    const { conn, scaling } = await scalingOf(input);
    const names = (["out", "in"] as const).map((d) => queueAlarmName(input.cluster, input.service, d));
    return buildRemoveScalingPlan(input, {
      alarmNames: await queueAlarmsOf(conn, input.region, names),
      policyNames: scaling.policies.map((p) => p.name),
      scheduledNames: scaling.scheduled.map((a) => a.name),
    });
  },
});
export const previewRemoveScalingAction = remove.preview;
export const applyRemoveScalingAction = remove.confirm;

const managed = reviewedPlan({
  does: "change capacity provider scaling",
  schema: managedScalingSchema,
  build: async (input) => {
    const conn = await connectionFor(input);
    const [provider] = await describeClusterCapacity(conn, input.region, [input.capacityProvider]);
    if (!provider) throw new ConflictError(`There is no capacity provider ${input.capacityProvider} in ${input.region}.`);
    const m = provider.managedScaling;
    return buildManagedScalingPlan(input, {
      enabled: m.status === "ENABLED",
      targetCapacity: m.targetCapacity ?? 100,
      minimumScalingStepSize: m.minimumScalingStepSize ?? 1,
      maximumScalingStepSize: m.maximumScalingStepSize ?? 10_000,
      instanceWarmupPeriod: m.instanceWarmupPeriod ?? 300,
    });
  },
});
export const previewManagedScalingAction = managed.preview;
export const applyManagedScalingAction = managed.confirm;
