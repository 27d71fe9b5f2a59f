"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getRun } from "@/lib/core/audit/runs";
import { NotFoundError, ConflictError } from "@/lib/core/errors";
import { buildCleanupPlan } from "@/lib/core/plans/cleanup";
import { requireReviewedHash } from "@/lib/core/plans/reviewed-hash";
import { submitPlan } from "@/lib/core/plans/submit";
import type { Plan } from "@/lib/core/plans/types";
import { defineAction } from "../actions/action";

/**
 * Runs the cleanup plan of a finished run: the inverse of every step that succeeded, as the
 * run page showed it (its hash is required and must still match).
 */
export const runCleanupAction = defineAction({
  role: "operator",
  does: "run cleanup plans",
  schema: z.object({ runId: z.string().min(1), reviewedHash: z.string().optional() }),
  run: async ({ runId, reviewedHash }, { user }) => {
    requireReviewedHash(reviewedHash);
    const run = await getRun(runId);
    if (!run) throw new NotFoundError("The run");
    if (run.status === "pending" || run.status === "running") throw new ConflictError("The run is still in progress; wait for it to end.");
    const cleanup = buildCleanupPlan(run.plan as unknown as Plan, run.steps, run.id);
    if (!cleanup) throw new ConflictError("This run created nothing that Portside knows how to remove.");
    const id = await submitPlan({
      user,
      input: { connectionId: run.connectionId, region: run.region },
      plan: cleanup,
      reviewedHash,
      cleanupOfId: run.id,
    });
    redirect(`/history/${id}`);
  },
});
