"use client";

import { useState } from "react";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { pauseAppRunnerServiceAction, previewPauseAppRunnerServiceAction } from "@/lib/apprunner/actions";

type Target = { connectionId: string; region: string; serviceArn: string; serviceName: string };

/** The last step of the move: pause the App Runner service once its Express successor is healthy. */
export function PauseAfterMove({ target, expressName }: { target: Target; expressName: string }) {
  const [error, setError] = useState<string>();
  return (
    <div className="flex items-center gap-3">
      <ReviewedConfirmDialog
        triggerLabel="Pause the App Runner service"
        triggerProps={{ size: "sm" }}
        title={`Pause ${target.serviceName}?`}
        description={`Express Mode service ${expressName} is healthy. Pausing stops App Runner's instances and compute billing; Resume brings them back if you need to move back.`}
        confirmLabel="Pause service"
        fields={target}
        preview={previewPauseAppRunnerServiceAction}
        formAction={async (form) => {
          setError(undefined);
          const result = await pauseAppRunnerServiceAction(initialState, form);
          if (!result.ok) setError(result.message ?? "The plan could not be started.");
        }}
      />
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
    </div>
  );
}
