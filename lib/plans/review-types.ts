import type { Plan } from "./types";

/** A plan as the review page shows it (shared by server and client). */
export type PlanReview = { plan: Plan; cli: string[]; hash: string };
