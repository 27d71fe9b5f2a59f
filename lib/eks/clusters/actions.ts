"use server";

import { redirect } from "next/navigation";
import { getEksCluster, getEksClusterContents } from "@/lib/eks/clusters/reads";
import { listSubnets } from "@/lib/vpc/reads";
import { getRole, getRoleFacts } from "@/lib/iam/reads";
import { managedRoleFix } from "@/lib/iam/managed-roles";
import { applyRoleFix } from "@/lib/iam/role-check";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import { buildCreateEksClusterPlan, buildTeardownEksClusterPlan, buildUpgradeEksClusterPlan, EKS_CLUSTER_ROLE, nextMinorVersion } from "@/lib/eks/clusters/plan";
import { reviewOf, submitPlan } from "@/lib/core/plans/submit";
import { createEksClusterSchema, deleteEksClusterSchema, upgradeEksClusterSchema, type CreateEksClusterInput } from "@/lib/eks/clusters/schema";
import { defineAction } from "@/lib/core/actions/action";
import { reviewedPlan } from "@/lib/core/actions/reviewed-plan";
import type { ActionState } from "@/lib/core/actions/state";

async function connectionFor(input: { connectionId: string; region: string }) {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  return conn;
}

/** What AWS would refuse, checked against AWS itself before the plan is shown or run. */
async function checkCreate(input: CreateEksClusterInput): Promise<ActionState | null> {
  const conn = await connectionFor(input);
  const errors: Record<string, string[]> = {};
  if (await getEksCluster(conn, input.region, input.clusterName)) {
    errors.clusterName = [`A cluster named ${input.clusterName} already exists in ${input.region}.`];
  }
  // The browser sent each subnet's zone for the checks as you type; AWS's own answer decides.
  const subnets = await listSubnets(conn, input.region, input.vpcId);
  const picked = input.subnets.map((id) => subnets.find((s) => s.id === id));
  if (picked.some((s) => !s)) errors.subnets = [`Pick subnets of ${input.vpcId}; some of these are not in it.`];
  else if (new Set(picked.map((s) => s!.az)).size < 2) errors.subnets = ["The subnets must be in at least two Availability Zones; these are all in one."];
  if (input.roleMode === "create" && (await getRole(conn, EKS_CLUSTER_ROLE.name))) {
    errors.roleMode = [`${EKS_CLUSTER_ROLE.name} already exists in this account: pick it as an existing role.`];
  }
  return Object.keys(errors).length > 0 ? { ok: false, message: "Check the highlighted fields.", fieldErrors: errors } : null;
}

/** The plan, with a reused cluster role checked for AmazonEKSClusterPolicy (attached to eksClusterRole, else a warning). */
async function buildCreate(input: CreateEksClusterInput) {
  const plan = buildCreateEksClusterPlan(input);
  if (input.roleMode !== "existing") return plan;
  const role = await getRoleFacts(await connectionFor(input), input.roleArn, EKS_CLUSTER_ROLE.name);
  return applyRoleFix(plan, managedRoleFix("clusterRolePolicy", role, [EKS_CLUSTER_ROLE.policyArn], "the EKS control plane managing the cluster's network"));
}

/** Review step: validates, checks against AWS, and returns the plan with its CLI form. */
export const previewEksClusterPlanAction = defineAction({
  role: "operator",
  does: "create EKS clusters",
  schema: createEksClusterSchema,
  run: async (input) => (await checkCreate(input)) ?? { ok: true, data: reviewOf(await buildCreate(input), input.region) },
});

/** Confirm step: rebuilds the same plan, refuses if it differs from the reviewed one, then runs it. */
export const createEksClusterAction = defineAction({
  role: "operator",
  does: "create EKS clusters",
  schema: createEksClusterSchema,
  run: async (input, { user }) => {
    const conflict = await checkCreate(input);
    if (conflict) return conflict;
    const runId = await submitPlan({ user, input, plan: await buildCreate(input), reviewedHash: input.reviewedHash });
    redirect(`/history/${runId}`);
  },
});

/** Kubernetes upgrade to the next minor version, as a recorded plan. */
const upgrade = reviewedPlan({
  does: "upgrade EKS clusters",
  schema: upgradeEksClusterSchema,
  check: async (input) => {
    const conn = await connectionFor(input);
    const cluster = await getEksCluster(conn, input.region, input.clusterName);
    if (!cluster) throw new NotFoundError(`EKS cluster ${input.clusterName} in ${input.region}`);
    if (cluster.status !== "ACTIVE") throw new ConflictError(`Cluster ${cluster.name} is ${cluster.status}; it can be upgraded once it is ACTIVE.`);
    // EKS upgrades one minor version at a time, from the version it runs now.
    if (cluster.version !== input.currentVersion || nextMinorVersion(cluster.version) !== input.version) {
      throw new ConflictError(`Cluster ${cluster.name} runs Kubernetes ${cluster.version}; it can only be upgraded to ${nextMinorVersion(cluster.version)}. Reload the page.`);
    }
    return null;
  },
  build: buildUpgradeEksClusterPlan,
});
export const previewUpgradeEksClusterAction = upgrade.preview;
export const upgradeEksClusterAction = upgrade.confirm;

/**
 * Teardown: node groups and Fargate profiles as AWS lists them now, then the cluster. Read again
 * at confirm, so one added after the dialog showed the plan changes its hash and is refused.
 */
const teardown = reviewedPlan({
  does: "delete EKS clusters",
  schema: deleteEksClusterSchema,
  build: async ({ reviewedHash: _hash, ...target }) => {
    const conn = await connectionFor(target);
    const contents = await getEksClusterContents(conn, target.region, target.clusterName, 0);
    return buildTeardownEksClusterPlan({
      ...target,
      nodegroups: contents.nodegroups.map((n) => n.name),
      fargateProfiles: contents.fargateProfiles.map((f) => f.name),
    });
  },
  typed: { name: (input) => input.clusterName, what: "cluster" },
});
export const previewDeleteEksClusterAction = teardown.preview;
export const deleteEksClusterAction = teardown.confirm;
