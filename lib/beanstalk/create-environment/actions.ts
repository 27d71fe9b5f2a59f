"use server";

import { z } from "zod";
import { defineAction } from "@/lib/core/actions/action";
import { reviewedPlan } from "@/lib/core/actions/reviewed-plan";
import type { ActionState } from "@/lib/core/actions/state";
import { connectionInRegion } from "@/lib/core/connections/in-region";
import { getRole } from "@/lib/iam/reads";
import { checkDns, instanceProfileExists, listApplications } from "@/lib/beanstalk/environments/reads";
import { regionSchema } from "@/lib/beanstalk/environments/names";
import { uploadedZip } from "@/lib/beanstalk/bundles/upload-store";
import type { SessionUser } from "@/lib/core/auth/session";
import { DomainError } from "@/lib/core/errors";
import { buildCreateEnvironmentPlan } from "./plan";
import { createEnvironmentSchema, STANDARD_ROLES, type CreateEnvironmentInput } from "./schema";

const problems = (errors: Record<string, string[]>): ActionState | null =>
  Object.keys(errors).length ? { ok: false, message: "Check the highlighted fields.", fieldErrors: errors } : null;

/** What AWS already holds that the plan would collide with: each a field error, before any change. */
async function checkCreate(input: CreateEnvironmentInput, { user }: { user: SessionUser }): Promise<ActionState | null> {
  if (input.sourceType === "bundle" && input.bundleZip) {
    // Only the signed-in person's own upload, before any AWS call.
    const zip = await uploadedZip(input.bundleZip, user.id);
    if (!zip.ok) return problems({ bundleZip: [zip.message] });
  }
  const conn = await connectionInRegion(input);
  const errors: Record<string, string[]> = {};
  const [apps, dns, serviceRole, instanceRole, profile] = await Promise.all([
    listApplications(conn, input.region),
    checkDns(conn, input.region, input.cnamePrefix),
    getRole(conn, input.serviceRoleMode === "create" ? STANDARD_ROLES.service : input.serviceRole),
    input.instanceProfileMode === "create" ? getRole(conn, STANDARD_ROLES.instance) : Promise.resolve(null),
    input.instanceProfileMode === "existing" ? instanceProfileExists(conn, input.instanceProfile) : Promise.resolve(true),
  ]);
  const app = apps.find((a) => a.name === input.applicationName);
  if (input.applicationMode === "create" && app) errors.applicationName = [`Application ${input.applicationName} already exists: pick it instead.`];
  if (input.applicationMode === "existing" && !app) errors.applicationName = [`There is no application ${input.applicationName} in ${input.region}.`];
  if (app?.environments.some((e) => e.name === input.environmentName)) errors.environmentName = [`${input.applicationName} already has an environment ${input.environmentName}.`];
  if (!dns.available) errors.cnamePrefix = [`${input.cnamePrefix}.${input.region}.elasticbeanstalk.com is taken: pick another prefix.`];
  if (input.serviceRoleMode === "create" && serviceRole) errors.serviceRoleMode = [`${STANDARD_ROLES.service} already exists: use it instead.`];
  if (input.serviceRoleMode === "existing" && !serviceRole) errors.serviceRole = [`There is no IAM role ${input.serviceRole}.`];
  if (input.instanceProfileMode === "create" && instanceRole) errors.instanceProfileMode = [`${STANDARD_ROLES.instance} already exists: use it instead.`];
  if (!profile) errors.instanceProfile = [`There is no instance profile ${input.instanceProfile}.`];
  return problems(errors);
}

// The history keeps what the zip was (its size and SHA-256, in the plan's recorded steps), not its bytes twice.
const stored = ({ bundleZip, ...input }: CreateEnvironmentInput) => ({ ...input, bundleZip: bundleZip ? "(zip: see the PutObject step)" : "" });
/** The plan, with the zip's bytes loaded from the person's upload (the plan carries them for the executor). */
async function buildCreate(input: CreateEnvironmentInput, { user }: { user: SessionUser }) {
  if (input.sourceType !== "bundle" || !input.bundleZip) return buildCreateEnvironmentPlan(input);
  const zip = await uploadedZip(input.bundleZip, user.id);
  if (!zip.ok) throw new DomainError(zip.message);
  return buildCreateEnvironmentPlan(input, { zip: zip.bytes });
}
const create = reviewedPlan({ does: "create Elastic Beanstalk environments", schema: createEnvironmentSchema, check: checkCreate, build: buildCreate, stored });
export const previewCreateEnvironmentAction = create.preview;
export const createEnvironmentAction = create.confirm;

const dnsSchema = z.object({
  connectionId: z.string().min(1),
  region: regionSchema,
  cnamePrefix: z.string().trim().min(4, "Domain prefixes are 4 to 63 characters.").max(63, "Domain prefixes are 4 to 63 characters.").regex(/^[A-Za-z0-9-]+$/, "Use only letters, digits and hyphens."),
});

/** The domain prefix field asks as the person leaves it: CheckDNSAvailability is a read. */
export const checkDnsAction = defineAction({
  role: "operator",
  does: "create Elastic Beanstalk environments",
  schema: dnsSchema,
  run: async (input) => {
    const conn = await connectionInRegion(input);
    const out = await checkDns(conn, input.region, input.cnamePrefix);
    return { ok: true, data: { available: out.available, cname: out.cname ?? `${input.cnamePrefix}.${input.region}.elasticbeanstalk.com` } };
  },
});
