import "server-only";
import { recordPlanRun } from "@/lib/core/audit/runs";
import type { SessionUser } from "@/lib/core/auth/session";
import { planToCli } from "./cli";
import { describeBlobs } from "./blobs";
import { planHash } from "./hash";
import { planPermissions } from "./iam-actions";
import { enqueueRun } from "./queue";
import { assertReviewed } from "./reviewed-hash";
import type { Plan } from "./types";

export type { PlanReview } from "./review-types";
import type { PlanReview } from "./review-types";

/** What the person reviews: binary members shown by size and SHA-256 (the hash still covers the bytes). */
export function reviewOf(plan: Plan, region: string): PlanReview {
  const shown = { ...plan, steps: plan.steps.map((s) => ({ ...s, input: describeBlobs(s.input) })) };
  return { plan: shown, cli: planToCli(shown, region), hash: planHash(plan), permissions: planPermissions(plan) };
}

/**
 * Records a confirmed plan in the history and queues it. The run id is returned
 * before any AWS call is made; the run page follows its progress. `reviewedHash` is the hash
 * of the review the person confirmed; without it, or when the plan changed since, nothing runs.
 */
export async function submitPlan(args: {
  user: SessionUser;
  input: { connectionId: string; region: string; reviewedHash?: string };
  plan: Plan;
  reviewedHash: string | undefined;
  cleanupOfId?: string;
}): Promise<string> {
  const { input, plan } = args;
  assertReviewed(plan, args.reviewedHash);
  const { reviewedHash: _omit, ...storedInput } = input;
  const run = await recordPlanRun({
    userId: args.user.id,
    connectionId: input.connectionId,
    region: input.region,
    plan,
    input: storedInput,
    cleanupOfId: args.cleanupOfId,
  });
  await enqueueRun(run.id);
  return run.id;
}
