"use client";

import { Alert } from "@/components/ui/alert";
import { ActionDialog } from "@/components/ecs/services/actions/action-dialog";
import { PlanActionForm, type ServiceTarget } from "@/components/ecs/services/actions/plan-action-form";
import { previewRollbackDeploymentAction, rollbackDeploymentAction } from "@/lib/ecs/deployments/actions";
import { rollbackDeploymentSchema } from "@/lib/ecs/deployments/schema";

/** "Roll back now": StopServiceDeployment ROLLBACK, reviewed, recorded, with what it does said first. */
export function RollbackNow({ target, deploymentArn, from, to }: { target: ServiceTarget; deploymentArn: string; from: string; to: string }) {
  return (
    <ActionDialog label="Roll back now" title={`Roll back the deployment of ${target.service}`} triggerProps={{ variant: "danger" }}
      description={`ECS stops deploying ${from} and puts all traffic back on ${to}.`}>
      {(close) => (
        <PlanActionForm target={target} schema={rollbackDeploymentSchema} fields={["serviceDeploymentArn"]} values={{ serviceDeploymentArn: deploymentArn }}
          preview={previewRollbackDeploymentAction} confirm={rollbackDeploymentAction} onCancel={close} confirmLabel="Roll back now" danger
          reviewNote={<Alert tone="warning" title="The new revision stops serving at once">Production traffic returns to {to}; the tasks of {from} are stopped.</Alert>}>
          {(w) => (
            <>
              <input type="hidden" name="serviceDeploymentArn" value={deploymentArn} />
              {w.errorFor("serviceDeploymentArn") && <p role="alert" className="text-xs font-medium text-red-700">{w.errorFor("serviceDeploymentArn")![0]}</p>}
              <p className="text-sm">Roll back deployment <span className="break-all font-mono text-xs">{deploymentArn.split("/").pop()}</span> of {target.service}: from <strong className="font-mono">{from}</strong> back to <strong className="font-mono">{to}</strong>.</p>
            </>
          )}
        </PlanActionForm>
      )}
    </ActionDialog>
  );
}
