"use server";

import { redirect } from "next/navigation";
import { getRole } from "@/lib/iam/reads";
import { LOAD_BALANCER_ROLE, shiftsTraffic } from "../deployment-strategy/fields";
import { missingAlarms } from "../deployment-strategy/checks";
import { listAlarms } from "../deployment-strategy/reads";
import { z } from "zod";
import { getCluster } from "@/lib/ecs/clusters/reads";
import { getServiceDetail, getTaskDefinitionInfo } from "@/lib/ecs/services/reads";
import { listSecurityGroups, listSubnets } from "@/lib/vpc/reads";
import { listListeners, listLoadBalancers, targetGroupNameTaken } from "@/lib/ecs/services/load-balancers";
import { readServiceLeftovers } from "@/lib/ecs/services/leftover-reads";
import { createdByPortside } from "@/lib/core/audit/created-resources";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { ConflictError } from "@/lib/core/errors";
import { buildCreateServicePlan, buildDeleteServicePlan, loadBalancerGroupName } from "@/lib/ecs/services/plan";
import { requireReviewedHash } from "@/lib/core/plans/reviewed-hash";
import { reviewOf, submitPlan } from "@/lib/core/plans/submit";
import { createServiceSchema, deleteServiceSchema, deleteServiceTargetSchema, type CreateServiceInput, type DeleteServiceInput } from "@/lib/ecs/services/schema";
import { choicesOf } from "@/lib/ecs/services/leftover-schema";
import { defineAction } from "@/lib/core/actions/action";
import type { ActionState } from "@/lib/core/actions/state";

type Errors = Record<string, string[]>;

async function connectionFor(input: { connectionId: string; region: string }) {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  return conn;
}

/** What AWS would refuse, or silently reuse, checked with reads before the plan is shown or run. */
async function checkCreate(input: CreateServiceInput): Promise<ActionState | null> {
  const conn = await connectionFor(input);
  const { region } = input;
  const errors: Errors = {};
  const add = (field: string, message: string) => ((errors[field] ??= []).push(message));
  if (!(await getCluster(conn, region, input.cluster))) throw new ConflictError(`There is no cluster named ${input.cluster} in ${region}.`);
  if (await getServiceDetail(conn, region, input.cluster, input.serviceName)) add("serviceName", `A service named ${input.serviceName} already exists in cluster ${input.cluster}.`);

  const td = await getTaskDefinitionInfo(conn, region, input.taskDefinition);
  if (!td) add("taskDefinition", `Task definition ${input.taskDefinition} does not exist in ${region}.`);
  else {
    if (td.networkMode !== input.networkMode) add("taskDefinition", `${input.taskDefinition} uses the ${td.networkMode} network mode; pick it again.`);
    const onFargate = input.computeMode === "launchType" ? input.launchType === "FARGATE" : input.strategy.some((s) => s.capacityProvider.startsWith("FARGATE"));
    if (onFargate && td.networkMode !== "awsvpc") add("taskDefinition", "Fargate runs only task definitions with the awsvpc network mode.");
    if (input.loadBalancerMode !== "none") {
      const container = td.containers.find((c) => c.name === input.containerName);
      if (!container) add("containerName", `${input.taskDefinition} has no container named ${input.containerName}.`);
      else if (!container.ports.some((p) => p.containerPort === input.containerPort)) add("containerPort", `Container ${input.containerName} maps no port ${input.containerPort}.`);
    }
  }

  if (input.networkMode === "awsvpc") {
    const subnets = await listSubnets(conn, region, input.vpcId);
    const chosen = subnets.filter((s) => input.subnets.includes(s.id));
    if (chosen.length !== input.subnets.length) add("subnets", `Some subnets are not in ${input.vpcId}.`);
    if (input.loadBalancerMode === "new" && new Set(chosen.map((s) => s.az)).size < 2) {
      add("subnets", "An Application Load Balancer needs subnets in at least two Availability Zones.");
    }
    const groups = await listSecurityGroups(conn, region, input.vpcId);
    if (input.securityGroupMode === "create" && groups.some((g) => g.name === input.securityGroupName)) {
      add("securityGroupName", `A security group named ${input.securityGroupName} already exists in ${input.vpcId}.`);
    }
    const lbGroup = loadBalancerGroupName(input.loadBalancerName);
    if (input.loadBalancerMode === "new" && (groups.some((g) => g.name === lbGroup) || input.securityGroupName === lbGroup)) {
      add("loadBalancerName", `The load balancer's own security group would be named ${lbGroup}, which is taken; pick another name.`);
    }
  }

  if (input.alarmsEnabled) {
    const missing = missingAlarms(input, await listAlarms(conn, region));
    if (missing) add("alarmNames", missing);
  }

  if (input.loadBalancerMode !== "none") {
    const lbs = await listLoadBalancers(conn, region);
    if (input.loadBalancerMode === "new" && lbs.some((lb) => lb.name === input.loadBalancerName)) {
      add("loadBalancerName", `A load balancer named ${input.loadBalancerName} already exists in ${region}.`);
    }
    if (input.loadBalancerMode === "existing") {
      const lb = lbs.find((l) => l.arn === input.loadBalancerArn);
      if (!lb) add("loadBalancerArn", "That load balancer no longer exists.");
      else if ((await listListeners(conn, region, lb.arn)).some((l) => l.port === input.listenerPort)) {
        add("listenerPort", `${lb.name} already listens on port ${input.listenerPort}; pick another port.`);
      }
    }
    if (await targetGroupNameTaken(conn, region, input.targetGroupName)) add("targetGroupName", `A target group named ${input.targetGroupName} already exists in ${region}.`);
    if (shiftsTraffic(input.deploymentStrategy)) {
      if (await targetGroupNameTaken(conn, region, input.alternateTargetGroupName)) add("alternateTargetGroupName", `A target group named ${input.alternateTargetGroupName} already exists in ${region}.`);
      if (input.lbRoleMode === "create" && (await getRole(conn, LOAD_BALANCER_ROLE.name))) add("lbRoleMode", `A role named ${LOAD_BALANCER_ROLE.name} exists; use it (its ARN) instead.`);
    }
  }
  return Object.keys(errors).length ? { ok: false, message: "Check the highlighted fields.", fieldErrors: errors } : null;
}

/** Review step: validates, checks names and the task definition, returns the plan with its CLI form. */
export const previewServicePlanAction = defineAction({
  role: "operator",
  does: "create services",
  schema: createServiceSchema,
  run: async (input) => (await checkCreate(input)) ?? { ok: true, data: reviewOf(buildCreateServicePlan(input), input.region) },
});

/** Confirm step: rebuilds the same plan, refuses if it differs from the reviewed one, then runs it. */
export const createServiceAction = defineAction({
  role: "operator",
  does: "create services",
  schema: createServiceSchema,
  run: async (input, { user }) => {
    const conflict = await checkCreate(input);
    if (conflict) return conflict;
    const runId = await submitPlan({ user, input, plan: buildCreateServicePlan(input), reviewedHash: input.reviewedHash });
    redirect(`/history/${runId}`);
  },
});

const where = { connectionId: z.string().min(1), region: z.string().min(1) };

/** Subnets and security groups of a VPC, when the person picks another VPC in the wizard. */
export const serviceNetworkAction = defineAction({
  role: "operator",
  does: "create services",
  schema: z.object({ ...where, vpcId: z.string().regex(/^vpc-[0-9a-f]+$/) }),
  run: async (input) => {
    const conn = await connectionFor(input);
    const [subnets, securityGroups] = await Promise.all([listSubnets(conn, input.region, input.vpcId), listSecurityGroups(conn, input.region, input.vpcId)]);
    return { ok: true, data: { subnets, securityGroups } };
  },
});

/** Network mode and port mappings of a task definition revision, when the person picks one. */
export const taskDefinitionInfoAction = defineAction({
  role: "operator",
  does: "create services",
  schema: z.object({ ...where, taskDefinition: z.string().min(1) }),
  run: async (input) => {
    const conn = await connectionFor(input);
    const info = await getTaskDefinitionInfo(conn, input.region, input.taskDefinition);
    return info ? { ok: true, data: { info } } : { ok: false, message: `Task definition ${input.taskDefinition} does not exist.` };
  },
});

/**
 * The delete plan from what AWS holds now: the service and what it leaves behind (its load
 * balancing, security groups, auto scaling, schedules), read again at confirm so the reviewed
 * hash catches any change in between.
 */
async function deletePlanOf(input: DeleteServiceInput) {
  const conn = await connectionFor(input);
  const cluster = await getCluster(conn, input.region, input.cluster);
  if (!cluster) throw new ConflictError(`There is no cluster named ${input.cluster} in ${input.region}.`);
  const created = await createdByPortside(input.connectionId, input.region);
  const leftovers = await readServiceLeftovers(conn, input.region, cluster, [input.serviceName], created);
  return { leftovers, plan: buildDeleteServicePlan({ ...input, choices: choicesOf(input) }, leftovers) };
}

/** The delete dialog's review: the plan, and what the service leaves behind, grouped, with the choice per group. */
export const previewDeleteServiceAction = defineAction({
  role: "operator",
  does: "delete services",
  schema: deleteServiceTargetSchema,
  run: async (input) => {
    const { plan, leftovers } = await deletePlanOf(input);
    return { ok: true, data: { ...reviewOf(plan, input.region), leftovers } };
  },
});

/** Teardown as a recorded plan, after the service name is typed and the plan shown; refused if it changed since. */
export const deleteServiceAction = defineAction({
  role: "operator",
  does: "delete services",
  schema: deleteServiceSchema,
  run: async (input, { user }) => {
    requireReviewedHash(input.reviewedHash);
    const { plan } = await deletePlanOf(input);
    const { confirmName: _typed, ...stored } = input;
    const runId = await submitPlan({ user, input: stored, plan, reviewedHash: input.reviewedHash });
    redirect(`/history/${runId}`);
  },
});
