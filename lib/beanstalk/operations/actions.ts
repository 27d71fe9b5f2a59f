"use server";

import { reviewedPlan } from "@/lib/core/actions/reviewed-plan";
import type { ActionState } from "@/lib/core/actions/state";
import { connectionInRegion } from "@/lib/core/connections/in-region";
import { getEnvironment, listVersions } from "@/lib/beanstalk/environments/reads";
import { isBusy } from "@/lib/beanstalk/environments/health";
import { uploadedZip } from "@/lib/beanstalk/bundles/upload-store";
import type { SessionUser } from "@/lib/core/auth/session";
import { ConflictError, DomainError } from "@/lib/core/errors";
import { buildDeployPlan, buildEnvironmentOperationPlan } from "./plan";
import { deploySchema, environmentOperationSchema, type DeployInput } from "./schema";
import { z } from "zod";

/** The environment as AWS holds it now: a change to one that is gone or busy is refused with why. */
async function environmentFor(input: { connectionId: string; region: string; applicationName: string; environmentName: string }) {
  const conn = await connectionInRegion(input);
  const env = await getEnvironment(conn, input.region, input.applicationName, input.environmentName);
  if (!env) throw new ConflictError(`There is no environment ${input.environmentName} in ${input.applicationName}.`);
  return { conn, env };
}

async function checkDeploy(input: DeployInput, { user }: { user: SessionUser }): Promise<ActionState | null> {
  if (input.source === "zip") {
    // Only the signed-in person's own upload, before any AWS call.
    const zip = await uploadedZip(input.bundleZip, user.id);
    if (!zip.ok) return { ok: false, message: "Check the highlighted fields.", fieldErrors: { bundleZip: [zip.message] } };
  }
  const { conn, env } = await environmentFor(input);
  if (isBusy(env.status)) return { ok: false, message: `${env.name} is ${env.status}: wait until it is Ready.` };
  const versions = await listVersions(conn, input.region, input.applicationName);
  const found = versions.find((v) => v.label === input.versionLabel);
  if (input.source !== "version" && found) return { ok: false, message: "Check the highlighted fields.", fieldErrors: { versionLabel: [`${input.applicationName} already has a version ${input.versionLabel}: pick another label.`] } };
  if (input.source === "version" && !found) return { ok: false, message: "Check the highlighted fields.", fieldErrors: { versionLabel: [`${input.applicationName} has no version ${input.versionLabel}.`] } };
  if (input.source === "version" && found && found.status !== "PROCESSED" && found.status !== "UNPROCESSED") {
    return { ok: false, message: "Check the highlighted fields.", fieldErrors: { versionLabel: [`Version ${input.versionLabel} is ${found.status}.`] } };
  }
  return null;
}

const deploy = reviewedPlan({
  does: "deploy to Elastic Beanstalk environments",
  schema: deploySchema,
  check: checkDeploy,
  build: async (input, { user }) => {
    const zip = input.source === "zip" ? await uploadedZip(input.bundleZip, user.id) : undefined;
    if (zip && !zip.ok) throw new DomainError(zip.message);
    return buildDeployPlan(input, { versionLabel: (await environmentFor(input)).env.versionLabel, zip: zip?.bytes });
  },
  // The history keeps the zip's size and SHA-256 (in the recorded PutObject step), not its bytes twice.
  stored: ({ bundleZip, ...input }) => ({ ...input, bundleZip: bundleZip ? "(zip: see the PutObject step)" : "" }),
});
export const previewDeployAction = deploy.preview;
export const deployAction = deploy.confirm;

async function buildOperation(input: z.infer<typeof environmentOperationSchema>) {
  const { env } = await environmentFor(input);
  if (isBusy(env.status)) throw new ConflictError(`${env.name} is ${env.status}: wait until it is Ready.`);
  return buildEnvironmentOperationPlan(input);
}

// Rebuilding replaces every instance (their local data and burst credits go) but keeps the environment.
const rebuild = reviewedPlan({
  does: "rebuild Elastic Beanstalk environments",
  schema: environmentOperationSchema.extend({ operation: z.literal("rebuild") }),
  typed: { name: (input) => input.environmentName, what: "environment" },
  build: buildOperation,
});
export const previewRebuildAction = rebuild.preview;
export const rebuildAction = rebuild.confirm;

// Terminating deletes the instances, load balancer and Auto Scaling group for good.
const terminate = reviewedPlan({
  does: "terminate Elastic Beanstalk environments",
  schema: environmentOperationSchema.extend({ operation: z.literal("terminate") }),
  typed: { name: (input) => input.environmentName, what: "environment" },
  build: buildOperation,
});
export const previewTerminateAction = terminate.preview;
export const terminateAction = terminate.confirm;
