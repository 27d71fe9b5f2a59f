import { ConflictError } from "@/lib/core/errors";
import { planHash } from "./hash";
import type { Plan } from "./types";

/**
 * A plan runs only as the person saw it: the confirm must carry the hash of the review it
 * follows, and that hash must still be the plan's. A confirm posted without one (a replayed or
 * hand-made request, or a dialog that never showed the plan) is refused like a changed plan.
 */
export function assertReviewed(plan: Plan, reviewedHash: string | undefined): void {
  requireReviewedHash(reviewedHash);
  if (reviewedHash !== planHash(plan)) {
    throw new ConflictError("The plan changed since you reviewed it. Review it again before running it.");
  }
}

/** The first half of `assertReviewed`, for a confirm that can refuse before reading AWS to rebuild its plan. */
export function requireReviewedHash(reviewedHash: string | undefined): asserts reviewedHash is string {
  if (!reviewedHash) throw new ConflictError("Review the plan before running it.");
}
