import type { Plan } from "./types";

/** A plan as the review page shows it (shared by server and client). */
export type PlanReview = {
  plan: Plan;
  cli: string[];
  hash: string;
  /** IAM actions the connection's identity needs for this plan (lib/core/plans/iam-actions.ts). */
  permissions: string[];
};
