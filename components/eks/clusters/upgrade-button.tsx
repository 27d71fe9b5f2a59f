"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { previewUpgradeEksClusterAction, upgradeEksClusterAction } from "@/lib/eks/clusters/actions";

type Props = { connectionId: string; region: string; clusterName: string; currentVersion: string; version: string; disabledReason?: string };

/** Upgrade to the next Kubernetes minor version as a recorded plan; the run page follows the update. */
export function UpgradeButton({ disabledReason, ...props }: Props) {
  const [state, action] = useActionState(upgradeEksClusterAction, initialState);
  return (
    <div className="flex items-center gap-2">
      {state.message && <Alert tone="error" className="py-1">{state.message}</Alert>}
      <ReviewedConfirmDialog
        triggerLabel={`Upgrade to ${props.version}`}
        triggerProps={{ variant: "secondary", disabled: Boolean(disabledReason), title: disabledReason }}
        title={`Upgrade ${props.clusterName} to Kubernetes ${props.version}?`}
        description={
          <>
            EKS upgrades the control plane from {props.currentVersion} to {props.version} in place; the API stays available, and it usually takes
            about ten minutes. It cannot be undone. Upgrade node groups and add-ons afterwards, and check that your workloads use no API removed in{" "}
            {props.version}.
          </>
        }
        confirmLabel="Upgrade"
        fields={props}
        preview={previewUpgradeEksClusterAction}
        formAction={action}
      />
    </div>
  );
}
