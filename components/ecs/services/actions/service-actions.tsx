"use client";

import { ActionDialog } from "./action-dialog";
import { DeployForm } from "./deploy-form";
import { DeploymentSettingsForm } from "@/components/ecs/deployment-strategy/settings-form";
import { ForceDeploymentForm } from "./force-deployment-form";
import type { ServiceTarget } from "./plan-action-form";
import { RollbackForm } from "./rollback-form";
import { ScaleForm } from "./scale-form";

/** The service header's actions: each opens a dialog that reviews a plan and runs it. */
export function ServiceActions({ target, desired, taskDefinition }: { target: ServiceTarget; desired: number; taskDefinition: string }) {
  return (
    <div role="group" aria-label="Service actions" className="flex flex-wrap items-center gap-2">
      <ActionDialog label="Deploy" title={`Deploy to ${target.service}`} triggerProps={{ variant: "primary" }}>
        {(close) => <DeployForm target={target} onCancel={close} />}
      </ActionDialog>
      <ActionDialog label="Scale" title={`Update desired count of ${target.service}`}>
        {(close) => <ScaleForm target={target} desired={desired} onCancel={close} />}
      </ActionDialog>
      <ActionDialog label="Force new deployment" title={`Force a new deployment of ${target.service}`}>
        {(close) => <ForceDeploymentForm target={target} taskDefinition={taskDefinition} onCancel={close} />}
      </ActionDialog>
      <ActionDialog label="Roll back" title={`Roll back ${target.service}`}>
        {(close) => <RollbackForm target={target} onCancel={close} />}
      </ActionDialog>
      <ActionDialog label="Deployment settings" title={`Deployment settings of ${target.service}`}
        description="How ECS rolls out a new revision: rolling update, or blue/green, canary and linear through the load balancer.">
        {(close) => <DeploymentSettingsForm target={target} onCancel={close} />}
      </ActionDialog>
    </div>
  );
}
