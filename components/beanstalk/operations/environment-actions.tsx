"use client";

import { useActionState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { previewRebuildAction, previewTerminateAction, rebuildAction, terminateAction } from "@/lib/beanstalk/operations/actions";

type Props = {
  connectionId: string;
  region: string;
  applicationName: string;
  environmentName: string;
  busy: boolean;
  /** Where other environment actions (Swap URLs, Logs, Move to ECS) join this row. */
  children?: ReactNode;
};

/** Rebuild and Terminate, each a reviewed plan confirmed by typing the environment's name. */
export function EnvironmentActions({ busy, children, ...target }: Props) {
  const [rebuildState, rebuild] = useActionState(rebuildAction, initialState);
  const [termState, terminate] = useActionState(terminateAction, initialState);
  const message = rebuildState.message ?? rebuildState.fieldErrors?.confirmName?.[0] ?? termState.message ?? termState.fieldErrors?.confirmName?.[0];
  const name = target.environmentName;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Environment actions">
        {children}
        <ReviewedConfirmDialog
          triggerLabel="Rebuild"
          triggerProps={{ variant: "secondary", size: "sm", disabled: busy }}
          tone="danger"
          title={`Rebuild ${name}?`}
          description="Elastic Beanstalk terminates and relaunches every instance, the load balancer and the Auto Scaling group with the same configuration. The environment is down while it rebuilds; data on the instances is lost."
          confirmLabel="Rebuild environment"
          requireText={name}
          fields={{ ...target, operation: "rebuild" }}
          preview={previewRebuildAction}
          formAction={rebuild}
        />
        <ReviewedConfirmDialog
          triggerLabel="Terminate"
          triggerProps={{ variant: "danger", size: "sm", disabled: busy }}
          tone="danger"
          title={`Terminate ${name}?`}
          description="The environment, its instances, load balancer, Auto Scaling group and security groups are deleted for good. The application and its versions stay."
          confirmLabel="Terminate environment"
          requireText={name}
          fields={{ ...target, operation: "terminate" }}
          preview={previewTerminateAction}
          formAction={terminate}
        />
      </div>
      {message && <Alert tone="error">{message}</Alert>}
    </div>
  );
}
