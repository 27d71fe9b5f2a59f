"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState, type ActionState } from "@/lib/core/actions/state";
import {
  deleteAppRunnerServiceAction,
  deployAppRunnerServiceAction,
  pauseAppRunnerServiceAction,
  previewDeleteAppRunnerServiceAction,
  previewDeployAppRunnerServiceAction,
  previewPauseAppRunnerServiceAction,
  previewResumeAppRunnerServiceAction,
  resumeAppRunnerServiceAction,
} from "@/lib/apprunner/actions";

type Target = { connectionId: string; region: string; serviceArn: string; serviceName: string };
type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * Pause, resume, deploy and delete: each confirmed in a dialog that shows its one-request plan,
 * then recorded and run (the action opens its run page). App Runner accepts these only
 * when no other operation is in progress, and pause/resume only from RUNNING/PAUSED.
 */
export function AppRunnerServiceActions({ target, status }: { target: Target; status: string }) {
  const [error, setError] = useState<ActionState | null>(null);
  const busy = status === "OPERATION_IN_PROGRESS";
  const run = (action: Action) => async (form: FormData) => {
    setError(null);
    const result = await action(initialState, form);
    // Success navigates to the run page; only failures come back.
    if (!result.ok) setError(result);
  };
  const name = target.serviceName;
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap gap-2">
        {status === "PAUSED" ? (
          <ReviewedConfirmDialog triggerLabel="Resume" triggerProps={{ variant: "secondary", disabled: busy }} title={`Resume ${name}?`}
            description="App Runner starts instances again and the default domain serves traffic once they are healthy."
            confirmLabel="Resume service" fields={target} preview={previewResumeAppRunnerServiceAction} formAction={run(resumeAppRunnerServiceAction)} />
        ) : (
          <ReviewedConfirmDialog triggerLabel="Pause" triggerProps={{ variant: "secondary", disabled: busy || status !== "RUNNING" }} title={`Pause ${name}?`}
            description="App Runner stops all instances; the default domain answers with an error until you resume. You pay nothing for compute while paused."
            confirmLabel="Pause service" fields={target} preview={previewPauseAppRunnerServiceAction} formAction={run(pauseAppRunnerServiceAction)} />
        )}
        <ReviewedConfirmDialog triggerLabel="Deploy" triggerProps={{ variant: "secondary", disabled: busy || status !== "RUNNING" }} title={`Deploy ${name}?`}
          description="Pulls the image again (the same tag may point at a new image) and replaces the instances without downtime."
          confirmLabel="Start deployment" fields={target} preview={previewDeployAppRunnerServiceAction} formAction={run(deployAppRunnerServiceAction)} />
        <ReviewedConfirmDialog triggerLabel="Delete" tone="danger" triggerProps={{ disabled: busy }} title={`Delete ${name}?`}
          description="Deletes the service, its default domain and its instances. Its auto scaling configuration and log groups stay."
          confirmLabel="Delete service" requireText={name} fields={target} preview={previewDeleteAppRunnerServiceAction} formAction={run(deleteAppRunnerServiceAction)} />
      </div>
      {busy && <p className="text-xs text-ink-muted">An operation is in progress; actions are available when it ends.</p>}
      {error && (
        <Alert tone="error" title="Could not start">
          <p>{error.message ?? Object.values(error.fieldErrors ?? {}).flat()[0] ?? "The plan could not be started."}</p>
          {error.requestId && <p className="mt-1 font-mono text-xs">Request id: {error.requestId}</p>}
        </Alert>
      )}
    </div>
  );
}
