"use client";

import { ActionDialog } from "@/components/ecs/services/actions/action-dialog";
import { PlanActionForm, type ServiceTarget } from "@/components/ecs/services/actions/plan-action-form";
import { Alert } from "@/components/ui/alert";
import { previewRollbackToRevisionAction, rollbackToRevisionAction } from "@/lib/ecs/deployments/actions";
import { rollbackToRevisionSchema } from "@/lib/ecs/deployments/schema";

/** "Roll back to this revision": UpdateService to a completed deployment's task definition and strategy, reviewed, recorded, waited to completion. */
export function RollbackToRevision({ target, deploymentArn, revision, strategy }: { target: ServiceTarget; deploymentArn: string; revision: string; strategy: string }) {
  return (
    <ActionDialog label="Roll back to this revision" title={`Roll ${target.service} back to ${revision}`} triggerProps={{ variant: "secondary", size: "sm", "aria-label": `Roll back to this revision (${revision})` }}
      description={`ECS deploys ${revision} again as a new deployment, with the strategy it was deployed with (${strategy}).`}>
      {(close) => (
        <PlanActionForm target={target} schema={rollbackToRevisionSchema} fields={["serviceDeploymentArn"]} values={{ serviceDeploymentArn: deploymentArn }}
          preview={previewRollbackToRevisionAction} confirm={rollbackToRevisionAction} onCancel={close} confirmLabel="Roll back to this revision"
          reviewNote={<Alert tone="info" title="A new deployment">The tasks running now are replaced by {revision}; the run waits until that deployment completes.</Alert>}>
          {(w) => (
            <>
              <input type="hidden" name="serviceDeploymentArn" value={deploymentArn} />
              {w.errorFor("serviceDeploymentArn") && <p role="alert" className="text-xs font-medium text-red-700">{w.errorFor("serviceDeploymentArn")![0]}</p>}
              <p className="text-sm">Deploy <strong className="font-mono">{revision}</strong> to {target.service} again, from deployment <span className="break-all font-mono text-xs">{deploymentArn.split("/").pop()}</span>.</p>
            </>
          )}
        </PlanActionForm>
      )}
    </ActionDialog>
  );
}
