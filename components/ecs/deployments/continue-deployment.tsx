"use client";

import { useState } from "react";
import { ActionDialog } from "@/components/ecs/services/actions/action-dialog";
import { PlanActionForm, type ServiceTarget } from "@/components/ecs/services/actions/plan-action-form";
import { Alert } from "@/components/ui/alert";
import { RadioCards } from "@/components/ui/input";
import { continueDeploymentAction, previewContinueDeploymentAction } from "@/lib/ecs/deployments/actions";
import { continueDeploymentSchema } from "@/lib/ecs/deployments/schema";

/**
 * A deployment held by a pause hook: continue it past the stage (ECS has no "shift now" or "skip
 * bake"; a pause hook before the traffic shift is what it offers) or roll it back, reviewed and recorded.
 */
export function ContinueDeployment({ target, deploymentArn, hookId, stage }: { target: ServiceTarget; deploymentArn: string; hookId: string; stage: string }) {
  const [action, setAction] = useState<"CONTINUE" | "ROLLBACK">("CONTINUE");
  const where = stage.toLowerCase().replaceAll("_", " ");
  return (
    <ActionDialog label="Continue or roll back" title={`Deployment of ${target.service} paused at ${where}`} triggerProps={{ variant: "primary" }}
      description="A pause hook holds this deployment until you decide (ContinueServiceDeployment).">
      {(close) => (
        <PlanActionForm target={target} schema={continueDeploymentSchema} fields={["serviceDeploymentArn", "hookId", "action"]} values={{ serviceDeploymentArn: deploymentArn, hookId, action }}
          preview={previewContinueDeploymentAction} confirm={continueDeploymentAction} onCancel={close} confirmLabel={action === "CONTINUE" ? "Continue deployment" : "Roll back deployment"} danger={action === "ROLLBACK"}
          reviewNote={action === "ROLLBACK" ? <Alert tone="warning" title="Green stops">All traffic stays on (or returns to) the previous revision.</Alert> : undefined}>
          {(w) => (
            <>
              <input type="hidden" name="serviceDeploymentArn" value={deploymentArn} />
              <input type="hidden" name="hookId" value={hookId} />
              {w.errorFor("serviceDeploymentArn") && <p role="alert" className="text-xs font-medium text-red-700">{w.errorFor("serviceDeploymentArn")![0]}</p>}
              {w.errorFor("hookId") && <p role="alert" className="text-xs font-medium text-red-700">{w.errorFor("hookId")![0]}</p>}
              <RadioCards name="action" legend="What ECS does next" value={action} onValueChange={(a) => { setAction(a as "CONTINUE" | "ROLLBACK"); w.touch("action"); }} options={[
                { value: "CONTINUE", label: "Continue", description: `Go on past ${where} (traffic moves as the strategy says).` },
                { value: "ROLLBACK", label: "Roll back", description: "Stop the new revision; the previous one keeps serving." },
              ]} />
            </>
          )}
        </PlanActionForm>
      )}
    </ActionDialog>
  );
}
