"use client";

import { useState } from "react";
import { Field, fieldAria } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { previewStopTaskAction, stopTaskAction } from "@/lib/ecs/services/ops-actions";
import { stopTaskSchema, taskIdOf } from "@/lib/ecs/services/ops-schema";
import { ActionDialog } from "./action-dialog";
import { PlanActionForm, type ServiceTarget } from "./plan-action-form";

/**
 * Stop one task of a service with a reason ECS keeps on the stopped task (≤255 characters).
 * The service's scheduler starts a replacement to keep the desired count.
 */
export function StopTaskButton({ target, task, size = "sm", label = "Stop" }: { target: ServiceTarget; task: string; size?: "sm" | "md"; label?: string }) {
  const id = taskIdOf(task);
  return (
    <ActionDialog label={label} title={`Stop task ${id}?`} triggerProps={{ variant: "danger", size, "aria-label": `Stop task ${id}` }}
      description={`ECS stops this task of ${target.service}; the service starts a replacement to keep its desired count.`}>
      {(close) => <StopTaskForm target={target} task={task} onCancel={close} />}
    </ActionDialog>
  );
}

function StopTaskForm({ target, task, onCancel }: { target: ServiceTarget; task: string; onCancel: () => void }) {
  const [reason, setReason] = useState("Stopped from Portside");
  const id = taskIdOf(task);
  return (
    <PlanActionForm target={target} schema={stopTaskSchema} fields={["reason", "task"]} values={{ task, reason }} danger
      preview={previewStopTaskAction} confirm={stopTaskAction} onCancel={onCancel} confirmLabel={`Stop task ${id}`}>
      {(w) => (
        <>
          <input type="hidden" name="task" value={task} />
          {w.errorFor("task") && <p role="alert" className="text-xs font-medium text-red-700">{w.errorFor("task")![0]}</p>}
          <Field label="Reason" htmlFor="reason" error={w.errorFor("reason")} hint={`${reason.trim().length}/255 characters. ECS shows it as the task's stopped reason.`}>
            <Textarea id="reason" name="reason" value={reason} rows={2} autoFocus maxLength={300}
              onChange={(e) => { setReason(e.target.value); w.touch("reason"); }} {...fieldAria("reason", w.errorFor("reason"), true)} />
          </Field>
        </>
      )}
    </PlanActionForm>
  );
}
