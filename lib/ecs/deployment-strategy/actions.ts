"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import { reviewOf, submitPlan } from "@/lib/core/plans/submit";
import type { Plan } from "@/lib/core/plans/types";
import type { SessionUser } from "@/lib/core/auth/session";
import { defineAction } from "@/lib/core/actions/action";
import type { ActionState } from "@/lib/core/actions/state";
import { buildDeploymentStrategyPlan } from "./plan";
import { readDeploymentSettings, readDeploymentSettingsShared, type DeploymentSettingsContext } from "./reads";
import { strategyErrors } from "./checks";
import { deploymentStrategySchema, type DeploymentStrategyInput } from "./schema";

type Target = { connectionId: string; region: string; cluster: string; service: string };

async function connectionFor(input: Target) {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  return conn;
}

/**
 * The dialog opening reads through the shared cache (many operators opening it cost AWS one read);
 * a preview or a submit reads fresh, because its plan and checks (a free rule priority, the
 * settings it replaces) must match what AWS holds now.
 */
async function contextFor(conn: ConnectionSettings, input: Target, fresh = true): Promise<DeploymentSettingsContext> {
  const read = fresh ? readDeploymentSettings : readDeploymentSettingsShared;
  const context = await read(conn, input.region, input.cluster, input.service);
  if (!context) throw new NotFoundError(`Service ${input.service} no longer exists in cluster ${input.cluster}.`);
  return context;
}

/** What the "Deployment settings" dialog shows when it opens: the settings now and the pickers' choices. */
export const deploymentSettingsContextAction = defineAction({
  role: "operator",
  does: "change services",
  schema: z.object({ connectionId: z.string().min(1), region: z.string().min(1), cluster: z.string().min(1).max(255), service: z.string().min(1).max(255) }),
  run: async (input) => {
    const context = await contextFor(await connectionFor(input), input, false);
    const { current: _current, ...data } = context;
    return { ok: true, data };
  },
});

type Built = { plan: Plan } | { errors: Record<string, string[]> };

async function build(input: DeploymentStrategyInput): Promise<Built> {
  const context = await contextFor(await connectionFor(input), input);
  const errors = strategyErrors(input, context);
  if (Object.keys(errors).length) return { errors };
  return { plan: buildDeploymentStrategyPlan(input, context.current) };
}

const fail = (errors: Record<string, string[]>): ActionState => ({ ok: false, message: "Check the highlighted fields.", fieldErrors: errors });

export const previewDeploymentStrategyAction = defineAction({
  role: "operator",
  does: "change services",
  schema: deploymentStrategySchema,
  run: async (input) => {
    const built = await build(input);
    return "errors" in built ? fail(built.errors) : { ok: true, data: reviewOf(built.plan, input.region) };
  },
});

export const deploymentStrategyAction = defineAction({
  role: "operator",
  does: "change services",
  schema: deploymentStrategySchema,
  run: async (input, { user }: { user: SessionUser }) => {
    const built = await build(input);
    if ("errors" in built) return fail(built.errors);
    const runId = await submitPlan({ user, input, plan: built.plan, reviewedHash: input.reviewedHash });
    redirect(`/history/${runId}`);
  },
});
