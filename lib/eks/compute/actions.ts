"use server";

import { getAddon, getEksClusterBasics, getNodegroup, listAvailableAddons, listFargateProfiles } from "@/lib/eks/compute/reads";
import { listSubnets } from "@/lib/vpc/reads";
import { getRole, getRoleFacts } from "@/lib/iam/reads";
import { managedRoleFix } from "@/lib/iam/managed-roles";
import { applyRoleFix } from "@/lib/iam/role-check";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { buildInstallAddonPlan, buildRemoveAddonPlan, buildUpdateAddonPlan } from "@/lib/eks/addons/plan";
import { buildCreateFargateProfilePlan, buildDeleteFargateProfilePlan } from "@/lib/eks/fargate-profiles/plan";
import { buildCreateNodegroupPlan, buildDeleteNodegroupPlan, buildScaleNodegroupPlan } from "@/lib/eks/nodegroups/plan";
import { installAddonSchema, removeAddonSchema, updateAddonSchema, type InstallAddonInput, type UpdateAddonInput } from "@/lib/eks/addons/schema";
import { createFargateProfileSchema, FARGATE_ROLE, fargateProfileSchema, deleteFargateProfileSchema, type CreateFargateProfileInput } from "@/lib/eks/fargate-profiles/schema";
import { createNodegroupSchema, deleteNodegroupSchema, NODE_ROLE, scaleNodegroupSchema, type CreateNodegroupInput, type ScaleNodegroupInput } from "@/lib/eks/nodegroups/schema";
import { fieldErrorsOf } from "@/lib/core/actions/action";
import { reviewedPlan } from "@/lib/core/actions/reviewed-plan";
import type { ActionState } from "@/lib/core/actions/state";
import { pluralWord } from "@/lib/core/format/plural";

type Target = { connectionId: string; region: string; clusterName: string };
const fail = (field: string, message: string): ActionState => ({ ok: false, message: "Check the highlighted fields.", fieldErrors: { [field]: [message] } });

/** The connection serves the region and the cluster exists; returns the cluster or the reason it cannot be used. */
async function clusterFor(input: Target) {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) return { problem: { ok: false, message: `Connection "${conn.name}" is not set up for ${input.region}.` } as ActionState };
  const cluster = await getEksClusterBasics(conn, input.region, input.clusterName);
  if (!cluster) return { problem: { ok: false, message: `There is no EKS cluster ${input.clusterName} in ${input.region}.` } as ActionState };
  return { conn, cluster };
}

const clusterProblem = async (input: Target) => (await clusterFor(input)).problem ?? null;

async function checkNodegroup(input: CreateNodegroupInput): Promise<ActionState | null> {
  const { problem, conn, cluster } = await clusterFor(input);
  if (problem) return problem;
  if (await getNodegroup(conn, input.region, input.clusterName, input.nodegroupName)) {
    return fail("nodegroupName", `Cluster ${input.clusterName} already has a node group named ${input.nodegroupName}.`);
  }
  const subnets = await listSubnets(conn, input.region, cluster.vpcId);
  const foreign = input.subnets.filter((s) => !subnets.some((x) => x.id === s));
  if (foreign.length) return fail("subnets", `${foreign.join(", ")} ${pluralWord(foreign.length, "is", "are")} not in the cluster's VPC ${cluster.vpcId}.`);
  if (input.nodeRoleMode === "create" && (await getRole(conn, NODE_ROLE.name))) {
    return fail("nodeRoleMode", `${NODE_ROLE.name} already exists in this account: pick it as an existing role.`);
  }
  return null;
}

/** The plan, with a reused node role checked for the three policies nodes need (attached to AmazonEKSNodeRole, else a warning). */
async function buildNodegroup(input: CreateNodegroupInput) {
  const plan = buildCreateNodegroupPlan(input);
  if (input.nodeRoleMode !== "existing") return plan;
  const conn = await getConnectionSettings(input.connectionId);
  const role = await getRoleFacts(conn, input.nodeRoleArn, NODE_ROLE.name);
  return applyRoleFix(plan, managedRoleFix("nodeRolePolicy", role, NODE_ROLE.policies, "nodes joining the cluster and pulling images"));
}

const nodegroup = reviewedPlan({ does: "create node groups", schema: createNodegroupSchema, check: checkNodegroup, build: buildNodegroup });
export const previewNodegroupPlanAction = nodegroup.preview;
export const createNodegroupAction = nodegroup.confirm;

async function checkScale(input: ScaleNodegroupInput): Promise<ActionState | null> {
  const { problem, conn } = await clusterFor(input);
  if (problem) return problem;
  const current = await getNodegroup(conn, input.region, input.clusterName, input.nodegroupName);
  if (!current) return { ok: false, message: `Node group ${input.nodegroupName} no longer exists.` };
  if (current.status !== "ACTIVE") return { ok: false, message: `Node group ${input.nodegroupName} is ${current.status}; EKS accepts a scaling change only when it is ACTIVE.` };
  const s = current.scaling;
  if (s.minSize === input.minSize && s.maxSize === input.maxSize && s.desiredSize === input.desiredSize) {
    return fail("desiredSize", "These are the current sizes; change at least one.");
  }
  return null;
}

const scale = reviewedPlan({ does: "scale node groups", schema: scaleNodegroupSchema, check: checkScale, build: buildScaleNodegroupPlan });
export const previewScaleNodegroupAction = scale.preview;
export const scaleNodegroupAction = scale.confirm;

const deleteNodegroupPlan = reviewedPlan({ does: "delete node groups", schema: deleteNodegroupSchema, check: clusterProblem, build: buildDeleteNodegroupPlan });
export const previewDeleteNodegroupAction = deleteNodegroupPlan.preview;
export const deleteNodegroupAction = deleteNodegroupPlan.confirm;

async function checkFargateProfile(input: CreateFargateProfileInput): Promise<ActionState | null> {
  const { problem, conn, cluster } = await clusterFor(input);
  if (problem) return problem;
  const subnets = await listSubnets(conn, input.region, cluster.vpcId);
  const foreign = input.subnets.filter((s) => !subnets.some((x) => x.id === s));
  if (foreign.length) return fail("subnets", `${foreign.join(", ")} ${pluralWord(foreign.length, "is", "are")} not in the cluster's VPC ${cluster.vpcId}.`);
  // The same schema as the form, now with what AWS says is public: the server is the authority.
  const checked = fargateProfileSchema(subnets.filter((s) => s.public).map((s) => s.id)).safeParse(input);
  if (!checked.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(checked.error) };
  if ((await listFargateProfiles(conn, input.region, input.clusterName)).some((p) => p.name === input.fargateProfileName)) {
    return fail("fargateProfileName", `Cluster ${input.clusterName} already has a Fargate profile named ${input.fargateProfileName}.`);
  }
  if (input.podRoleMode === "create" && (await getRole(conn, FARGATE_ROLE.name))) {
    return fail("podRoleMode", `${FARGATE_ROLE.name} already exists in this account: pick it as an existing role.`);
  }
  return null;
}

/** The plan, with a reused pod execution role checked for AmazonEKSFargatePodExecutionRolePolicy. */
async function buildFargateProfile(input: CreateFargateProfileInput) {
  const plan = buildCreateFargateProfilePlan(input);
  if (input.podRoleMode !== "existing") return plan;
  const conn = await getConnectionSettings(input.connectionId);
  const role = await getRoleFacts(conn, input.podRoleArn, FARGATE_ROLE.name);
  return applyRoleFix(plan, managedRoleFix("podRolePolicy", role, [FARGATE_ROLE.policyArn], "pods on Fargate pulling images"));
}

const fargate = reviewedPlan({ does: "create Fargate profiles", schema: createFargateProfileSchema, check: checkFargateProfile, build: buildFargateProfile });
export const previewFargateProfilePlanAction = fargate.preview;
export const createFargateProfileAction = fargate.confirm;

const deleteFargateProfilePlan = reviewedPlan({
  does: "delete Fargate profiles",
  schema: deleteFargateProfileSchema,
  check: clusterProblem,
  build: buildDeleteFargateProfilePlan,
  typed: { name: (input) => input.fargateProfileName, what: "Fargate profile" },
});
export const previewDeleteFargateProfileAction = deleteFargateProfilePlan.preview;
export const deleteFargateProfileAction = deleteFargateProfilePlan.confirm;

/** The version must be one DescribeAddonVersions offers for the cluster's Kubernetes version. */
async function checkAddonVersion(input: InstallAddonInput | UpdateAddonInput, installing: boolean): Promise<ActionState | null> {
  const { problem, conn, cluster } = await clusterFor(input);
  if (problem) return problem;
  const installed = await getAddon(conn, input.region, input.clusterName, input.addonName);
  if (installing && installed) return fail("addonName", `${input.addonName} is already installed (${installed.version}).`);
  if (!installing && !installed) return { ok: false, message: `${input.addonName} is not installed on ${input.clusterName}.` };
  if (!installing && installed?.version === input.addonVersion) return fail("addonVersion", `${input.addonName} already runs ${input.addonVersion}; pick another version.`);
  const available = (await listAvailableAddons(conn, input.region, cluster.version)).find((a) => a.name === input.addonName);
  if (!available) return fail("addonName", `${input.addonName} is not offered for Kubernetes ${cluster.version}.`);
  if (!available.versions.some((v) => v.version === input.addonVersion)) {
    return fail("addonVersion", `${input.addonVersion} does not run on Kubernetes ${cluster.version}.`);
  }
  return null;
}

const install = reviewedPlan({ does: "install add-ons", schema: installAddonSchema, check: (i) => checkAddonVersion(i, true), build: buildInstallAddonPlan });
export const previewInstallAddonAction = install.preview;
export const installAddonAction = install.confirm;

const update = reviewedPlan({ does: "update add-ons", schema: updateAddonSchema, check: (i) => checkAddonVersion(i, false), build: buildUpdateAddonPlan });
export const previewUpdateAddonAction = update.preview;
export const updateAddonAction = update.confirm;

const removeAddonPlan = reviewedPlan({ does: "remove add-ons", schema: removeAddonSchema, check: clusterProblem, build: buildRemoveAddonPlan });
export const previewRemoveAddonAction = removeAddonPlan.preview;
export const removeAddonAction = removeAddonPlan.confirm;
