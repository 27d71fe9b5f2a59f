"use server";

import { redirect } from "next/navigation";
import { getAppRunnerService } from "@/lib/apprunner/reads";
import { getRoleFacts } from "@/lib/iam/reads";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { managedRoleFix } from "@/lib/iam/managed-roles";
import { applyRoleFix } from "@/lib/iam/role-check";
import { buildCreateAppRunnerPlan, buildServiceOperationPlan, type AppRunnerServiceOperation } from "@/lib/apprunner/plan";
import { reviewOf, submitPlan } from "@/lib/core/plans/submit";
import { reviewImageWarnings } from "@/lib/ecr/image-picker/reads";
import { withImageWarnings } from "@/lib/ecr/image-picker/review";
import {
  appRunnerServiceActionSchema,
  createAppRunnerServiceSchema,
  type CreateAppRunnerServiceInput,
} from "@/lib/apprunner/schema";
import { defineAction } from "../core/actions/action";
import { reviewedPlan } from "../core/actions/reviewed-plan";
import type { ActionState } from "../core/actions/state";

const runPage = (runId: string) => `/history/${runId}`;

async function regionProblem(connectionId: string, region: string): Promise<ActionState | null> {
  const conn = await getConnectionSettings(connectionId);
  if (!conn.regions.includes(region)) {
    return { ok: false, fieldErrors: { region: [`Connection "${conn.name}" is not set up for ${region}.`] } };
  }
  return null;
}

const ECR_ACCESS_POLICY = "arn:aws:iam::aws:policy/service-role/AWSAppRunnerServicePolicyForECRAccess";

/** The plan, with the private-ECR access role checked: Portside does not create it, so it only warns. */
async function buildCreate(input: CreateAppRunnerServiceInput) {
  const conn = await getConnectionSettings(input.connectionId);
  const plan = withImageWarnings(buildCreateAppRunnerPlan(input), await reviewImageWarnings(conn, [input.imageUri]));
  if (input.sourceType !== "ecr" || !input.accessRoleArn) return plan;
  const role = await getRoleFacts(conn, input.accessRoleArn, "");
  return applyRoleFix(plan, managedRoleFix("accessRolePolicy", role, [ECR_ACCESS_POLICY], "App Runner pulling the image from ECR"));
}

async function checkCreate(input: CreateAppRunnerServiceInput): Promise<ActionState | null> {
  const problem = await regionProblem(input.connectionId, input.region);
  if (problem) return problem;
  // CreateService fails on a taken name only after the auto scaling configuration exists; say so first.
  const existing = await getAppRunnerService(await getConnectionSettings(input.connectionId), input.region, input.serviceName);
  if (existing) {
    return { ok: false, fieldErrors: { serviceName: [`A service named ${input.serviceName} already exists in ${input.region}.`] } };
  }
  return null;
}

/** Review step: validates, checks the name is free, and returns the plan with its CLI form. */
export const previewAppRunnerPlanAction = defineAction({
  role: "operator",
  does: "create App Runner services",
  schema: createAppRunnerServiceSchema,
  run: async (input) => (await checkCreate(input)) ?? { ok: true, data: reviewOf(await buildCreate(input), input.region) },
});

/** Confirm step: rebuilds the reviewed plan, refuses if it differs, runs it and opens its run page. */
export const createAppRunnerServiceAction = defineAction({
  role: "operator",
  does: "create App Runner services",
  schema: createAppRunnerServiceSchema,
  run: async (input, { user }) => {
    const problem = await checkCreate(input);
    if (problem) return problem;
    const runId = await submitPlan({ user, input, plan: await buildCreate(input), reviewedHash: input.reviewedHash });
    redirect(runPage(runId));
  },
});

/** Pause, resume, deploy and delete: one-request plans whose dialog shows the review before the confirm. */
function serviceOperation(operation: AppRunnerServiceOperation, does: string) {
  return reviewedPlan({
    // Deleting loses the service and its URL: the confirm carries the name as typed.
    typed: operation === "DeleteService" ? { name: (input) => input.serviceName, what: "service" } : undefined,
    does,
    schema: appRunnerServiceActionSchema,
    check: async (input) => {
      const problem = await regionProblem(input.connectionId, input.region);
      return problem && { ok: false, message: problem.fieldErrors?.region?.[0] };
    },
    build: (input) => buildServiceOperationPlan(operation, input),
  });
}

const pause = serviceOperation("PauseService", "pause App Runner services");
export const previewPauseAppRunnerServiceAction = pause.preview;
export const pauseAppRunnerServiceAction = pause.confirm;
const resume = serviceOperation("ResumeService", "resume App Runner services");
export const previewResumeAppRunnerServiceAction = resume.preview;
export const resumeAppRunnerServiceAction = resume.confirm;
const deploy = serviceOperation("StartDeployment", "deploy App Runner services");
export const previewDeployAppRunnerServiceAction = deploy.preview;
export const deployAppRunnerServiceAction = deploy.confirm;
const remove = serviceOperation("DeleteService", "delete App Runner services");
export const previewDeleteAppRunnerServiceAction = remove.preview;
export const deleteAppRunnerServiceAction = remove.confirm;
