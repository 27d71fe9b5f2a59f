import type { Plan } from "@/lib/core/plans/types";
import { DEPLOYMENT_OUTPUT, rolloutWait } from "../services/ops-plan";
import { servicePath } from "../services/plan";
import type { ContinueDeploymentInput, RollbackDeploymentInput, RollbackToRevisionInput } from "./schema";

export const DEPLOYMENT_ROLLBACK_WIZARD = "ecs-service-deployment-rollback";
export const REVISION_ROLLBACK_WIZARD = "ecs-service-revision-rollback";
export const DEPLOYMENT_CONTINUE_WIZARD = "ecs-service-deployment-continue";

/**
 * A deployment held by a pause hook: ContinueServiceDeployment with CONTINUE (it goes on to its
 * next stage; the nearest thing AWS offers to "shift now") or ROLLBACK (waited until rolled back).
 */
export function buildContinueDeploymentPlan(input: ContinueDeploymentInput, stage: string): Plan {
  const id = input.serviceDeploymentArn.split("/").pop();
  const where = stage.toLowerCase().replaceAll("_", " ");
  const rollback = input.action === "ROLLBACK";
  return {
    version: 1,
    wizard: DEPLOYMENT_CONTINUE_WIZARD,
    title: rollback ? `Roll back deployment ${id} of ${input.service}, paused at ${where}` : `Continue deployment ${id} of ${input.service} past ${where}`,
    resources: [`ecs:service/${input.cluster}/${input.service}`, `ecs:cluster/${input.cluster}`],
    landing: servicePath(input.cluster, input.service),
    steps: [
      {
        key: "continue",
        service: "ecs",
        operation: "ContinueServiceDeployment",
        description: rollback ? `Roll back the paused deployment of ${input.service}` : `Let the deployment of ${input.service} go on past ${where}`,
        input: { serviceDeploymentArn: input.serviceDeploymentArn, hookId: input.hookId, action: input.action },
        ...(rollback
          ? {
              waitFor: {
                service: "ecs",
                operation: "DescribeServiceDeployments",
                input: { serviceDeploymentArns: [input.serviceDeploymentArn] },
                path: "serviceDeployments.0.status",
                success: ["ROLLBACK_SUCCESSFUL"],
                failure: ["ROLLBACK_FAILED", "SUCCESSFUL", "STOPPED"],
                description: `the rollback of ${input.service} to finish`,
                intervalMs: 3_000,
                timeoutMs: 30 * 60_000,
              },
            }
          : {}),
      },
    ],
  };
}

/** The strategy part of a deploymentConfiguration: what "Roll back to this revision" takes from the old deployment. */
const STRATEGY_KEYS = ["strategy", "bakeTimeInMinutes", "canaryConfiguration", "linearConfiguration", "lifecycleHooks"] as const;

export function withStrategyOf(current: Record<string, unknown>, from: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(current).filter(([k]) => !(STRATEGY_KEYS as readonly string[]).includes(k)));
  for (const k of STRATEGY_KEYS) if (from[k] !== undefined) out[k] = from[k];
  out.strategy ??= "ROLLING";
  return out;
}

export type RevisionRollback = {
  /** The old deployment's task definition (full ARN) and its family:revision. */
  taskDefinitionArn: string;
  label: string;
  /** deploymentConfiguration the old deployment started with. */
  deploymentConfiguration: Record<string, unknown>;
  current: { taskDefinition: string; deploymentConfiguration: Record<string, unknown> };
};

/**
 * Roll back to this revision: one UpdateService putting the task definition and the deployment
 * strategy of a completed deployment back (minimum/maximum percent, circuit breaker and alarms as
 * they are now). ECS deploys it as a new deployment with that strategy; the run waits for it to
 * complete. Undone by updating back to what runs now.
 */
export function buildRollbackToRevisionPlan(input: RollbackToRevisionInput, r: RevisionRollback): Plan {
  const id = input.serviceDeploymentArn.split("/").pop();
  const ids = { cluster: input.cluster, service: input.service };
  const now = r.current.taskDefinition.split("/").pop();
  return {
    version: 1,
    wizard: REVISION_ROLLBACK_WIZARD,
    title: `Roll ${input.service} back to ${r.label} (from deployment ${id})`,
    resources: [`ecs:service/${input.cluster}/${input.service}`, `ecs:cluster/${input.cluster}`],
    landing: servicePath(input.cluster, input.service),
    steps: [
      {
        key: "deploy",
        service: "ecs",
        operation: "UpdateService",
        description: `Deploy ${r.label} to ${input.service} again, replacing ${now}, with the strategy it was deployed with (${String(r.deploymentConfiguration.strategy ?? "ROLLING").toLowerCase()})`,
        input: { ...ids, taskDefinition: r.taskDefinitionArn, deploymentConfiguration: withStrategyOf(r.current.deploymentConfiguration, r.deploymentConfiguration) },
        produces: DEPLOYMENT_OUTPUT,
        waitFor: rolloutWait(input, "deploy"),
        inverse: {
          service: "ecs",
          operation: "UpdateService",
          description: `Deploy ${now} to ${input.service} again`,
          input: { ...ids, taskDefinition: r.current.taskDefinition, deploymentConfiguration: r.current.deploymentConfiguration },
        },
      },
    ],
  };
}

/**
 * Roll back now: StopServiceDeployment with ROLLBACK. ECS puts production traffic back on the
 * revision that served before (blue) and stops the new one; the run waits for ROLLBACK_SUCCESSFUL.
 * Nothing to undo: a rollback is itself the undo.
 */
export function buildRollbackDeploymentPlan(input: RollbackDeploymentInput, revisions: { from: string; to: string }): Plan {
  const id = input.serviceDeploymentArn.split("/").pop();
  return {
    version: 1,
    wizard: DEPLOYMENT_ROLLBACK_WIZARD,
    title: `Roll back deployment ${id} of ${input.service} (${revisions.from} → back to ${revisions.to})`,
    resources: [`ecs:service/${input.cluster}/${input.service}`, `ecs:cluster/${input.cluster}`],
    landing: servicePath(input.cluster, input.service),
    steps: [
      {
        key: "rollback",
        service: "ecs",
        operation: "StopServiceDeployment",
        description: `Stop deployment ${id} of ${input.service} and roll back to ${revisions.to}`,
        input: { serviceDeploymentArn: input.serviceDeploymentArn, stopType: "ROLLBACK" },
        waitFor: {
          service: "ecs",
          operation: "DescribeServiceDeployments",
          input: { serviceDeploymentArns: [input.serviceDeploymentArn] },
          path: "serviceDeployments.0.status",
          success: ["ROLLBACK_SUCCESSFUL"],
          failure: ["ROLLBACK_FAILED", "SUCCESSFUL", "STOPPED"],
          description: `the rollback of ${input.service} to finish`,
          intervalMs: 3_000,
          timeoutMs: 30 * 60_000,
        },
      },
    ],
  };
}
