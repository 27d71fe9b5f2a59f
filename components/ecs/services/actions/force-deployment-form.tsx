"use client";

import { forceDeploymentAction, previewForceDeploymentAction } from "@/lib/ecs/services/ops-actions";
import { forceDeploymentSchema } from "@/lib/ecs/services/ops-schema";
import { PlanActionForm, type ServiceTarget } from "./plan-action-form";

/** Force new deployment: the same revision, every task replaced (a mutable tag pulled again, a fresh host). */
export function ForceDeploymentForm({ target, taskDefinition, onCancel }: { target: ServiceTarget; taskDefinition: string; onCancel: () => void }) {
  return (
    <PlanActionForm target={target} schema={forceDeploymentSchema} fields={[]} values={{}} preview={previewForceDeploymentAction}
      confirm={forceDeploymentAction} onCancel={onCancel} confirmLabel="Force new deployment">
      {() => (
        <p className="text-sm">
          ECS starts new tasks of <strong className="font-mono">{taskDefinition}</strong> and stops the running ones as the deployment settings allow.
          Images with a mutable tag (such as <code className="font-mono">latest</code>) are pulled again.
        </p>
      )}
    </PlanActionForm>
  );
}
