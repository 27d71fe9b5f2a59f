"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { hostOperationAction, previewHostOperationAction, previewTerminateHostAction, terminateHostAction } from "@/lib/hosts/actions";

type Props = { connectionId: string; region: string; instanceId: string; hostName: string; state: string; managed: boolean };

const DESCRIPTIONS = {
  stop: "The instance shuts down; its volume stays and billing for compute stops. The public IP is released unless it is an Elastic IP.",
  start: "The instance boots again; Docker restarts the container per its restart policy. A new public IP is assigned.",
  reboot: "The operating system restarts; the container comes back per its restart policy.",
} as const;

/** Stop, start, reboot and terminate, each a reviewed plan recorded in the history. */
export function HostActions(props: Props) {
  const [opState, operate] = useActionState(hostOperationAction, initialState);
  const [termState, terminate] = useActionState(terminateHostAction, initialState);
  const fields = { connectionId: props.connectionId, region: props.region, instanceId: props.instanceId, hostName: props.hostName };
  const running = props.state === "running";
  const stopped = props.state === "stopped";
  const message = opState.message ?? termState.message ?? termState.fieldErrors?.confirmName?.[0];
  const op = (operation: keyof typeof DESCRIPTIONS, label: string, enabled: boolean) => (
    <ReviewedConfirmDialog
      triggerLabel={label}
      triggerProps={{ variant: "secondary", size: "sm", disabled: !enabled }}
      tone="primary"
      title={`${label} ${props.hostName}?`}
      description={DESCRIPTIONS[operation]}
      confirmLabel={`${label} host`}
      fields={{ ...fields, operation }}
      preview={previewHostOperationAction}
      formAction={operate}
    />
  );
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {op("stop", "Stop", running)}
        {op("start", "Start", stopped)}
        {op("reboot", "Reboot", running)}
        <ReviewedConfirmDialog
          triggerLabel="Terminate"
          triggerProps={{ variant: "danger", size: "sm", disabled: props.state === "terminated" || props.state === "shutting-down" }}
          tone="danger"
          title={`Terminate ${props.hostName}?`}
          description={props.managed
            ? "The instance and its volume are deleted for good, then what Portside created for the host: its security group, IAM role and instance profile, and the log group with the container's logs."
            : "The instance and its volume are deleted for good. Portside did not launch it, so nothing else is deleted."}
          confirmLabel="Terminate host"
          requireText={props.hostName}
          fields={{ ...fields, operation: "terminate" }}
          preview={previewTerminateHostAction}
          formAction={terminate}
        />
      </div>
      {message && <Alert tone="error">{message}</Alert>}
    </div>
  );
}
