"use client";

import { useEffect, useState } from "react";
import { initialState, type ActionState } from "@/lib/core/actions/state";

export type TargetRoleCheck = { warnings: string[]; widens: string[] };
type Context = { connectionId: string; region: string; clusterArn: string };

/**
 * Asks the server whether the picked role lets the rule's service (EventBridge, Scheduler) run
 * this task (a read), each time either changes. `check` is the feature's own role-check action.
 */
export function useTargetRoleCheck(
  check: (prev: ActionState, form: FormData) => Promise<ActionState>,
  context: Context,
  values: { roleMode: string; roleArn: string; taskDefinition: string },
  shown: boolean,
): TargetRoleCheck | null {
  const [result, setResult] = useState<(TargetRoleCheck & { key: string }) | null>(null);
  const key = shown && values.roleMode === "existing" && values.roleArn && values.taskDefinition ? `${values.roleArn} ${values.taskDefinition}` : "";
  useEffect(() => {
    if (!key) return;
    let current = true;
    const form = new FormData();
    for (const [k, v] of Object.entries({ connectionId: context.connectionId, region: context.region, clusterArn: context.clusterArn, roleArn: values.roleArn, taskDefinition: values.taskDefinition })) form.set(k, v);
    void check(initialState, form).then((answer) => {
      if (current && answer.ok) setResult({ key, ...(answer.data as TargetRoleCheck) });
    });
    return () => {
      current = false;
    };
    // The key holds every value the check reads.
  }, [key]);
  return result?.key === key ? result : null;
}
