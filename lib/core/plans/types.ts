/**
 * A Plan is the single currency of change: what the review page shows, what the
 * executor runs, what the history stores and what a cleanup plan inverts.
 * Plans are plain JSON so they can be stored, exported and diffed.
 */
import type { RetryOn } from "./retry";

export type PlanRef = { $ref: string };

export type PlanStep = {
  /** Unique within the plan; other steps reference its outputs as `{ $ref: "key.output" }`. */
  key: string;
  service: string;
  operation: string;
  /** One line, for people: "Create cluster web-prod". */
  description: string;
  input: Record<string, unknown>;
  dependsOn?: string[];
  /** Values this step's response provides to later steps: output name → dotted path in the response. */
  produces?: Record<string, string>;
  /**
   * After the request succeeds, poll a read until AWS reports the resource ready
   * (an EKS cluster takes ~10 minutes to become ACTIVE). May reference this step's outputs.
   */
  waitFor?: WaitFor;
  /** Send again, bounded, on one specific error AWS says will pass (lib/core/plans/retry.ts). */
  retryOn?: RetryOn;
  /** The request that undoes this step, used to build cleanup plans. May reference this step's outputs. */
  inverse?: { service: string; operation: string; description: string; input: Record<string, unknown> };
};

export type WaitFor = {
  service: string;
  operation: string;
  input: Record<string, unknown>;
  /**
   * Dotted path of the status in the read's response, e.g. "cluster.status". May pick an array
   * element by value with "[key=value]" and use this step's outputs as "{step.output}":
   * "services.0.deployments.[id={deploy.deploymentId}].rolloutState".
   */
  path: string;
  /** Done when the status is one of these. */
  success: string[];
  /** Failed when the status is one of these (e.g. CREATE_FAILED). */
  failure?: string[];
  /** Done when the read answers "not found", or its answer no longer holds the status: waiting for a deletion to finish. */
  untilGone?: boolean;
  /** What is being waited for, for people: "cluster prod to become ACTIVE". */
  description: string;
  intervalMs?: number;
  timeoutMs?: number;
};

export type Plan = {
  version: 1;
  wizard: string;
  title: string;
  /** Resource keys such as "ecs:cluster/web-prod", for history filters and the page to land on. */
  resources: string[];
  steps: PlanStep[];
  /** Where to send the person once the plan has run. */
  landing?: string;
  /** What the review must say before the person confirms: a reused role that lacks a permission. */
  warnings?: string[];
  /** A page to open about a warning, keyed by the warning's text: the image whose findings it counts. */
  warningLinks?: Record<string, { href: string; label: string }>;
};

export function isRef(value: unknown): value is PlanRef {
  return typeof value === "object" && value !== null && typeof (value as PlanRef).$ref === "string" && Object.keys(value).length === 1;
}
