import type { Plan } from "@/lib/core/plans/types";
import { servicePath } from "../services/plan";
import type { RollbackDeploymentInput } from "./schema";

export const DEPLOYMENT_ROLLBACK_WIZARD = "ecs-service-deployment-rollback";

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
