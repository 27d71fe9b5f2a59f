import type { PlanReview } from "@/lib/core/plans/review-types";

/** The bundle the reviewed PutObject uploads, with its key, for reading at review. */
export function bundleOfReview(review: PlanReview): { key: string; body: string } | null {
  const put = review.plan.steps.find((s) => s.service === "s3" && s.operation === "PutObject");
  return put && typeof put.input.Body === "string" ? { key: String(put.input.Key), body: put.input.Body } : null;
}
