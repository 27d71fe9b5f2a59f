"use client";

import { useEffect, useState } from "react";
import { initialState } from "@/lib/core/actions/state";
import { checkEventsRoleAction } from "@/lib/ecs/event-tasks/actions";

type RoleCheck = { warnings: string[]; widens: string[] };
type Context = { connectionId: string; region: string; clusterArn: string };

/** Asks the server whether the picked role lets EventBridge run this task (a read), as either changes. */
export function useEventsRoleCheck(context: Context, values: { roleMode: string; roleArn: string; taskDefinition: string }, shown: boolean) {
  const [check, setCheck] = useState<(RoleCheck & { key: string }) | null>(null);
  const key = shown && values.roleMode === "existing" && values.roleArn && values.taskDefinition ? `${values.roleArn} ${values.taskDefinition}` : "";
  useEffect(() => {
    if (!key) return;
    let current = true;
    const form = new FormData();
    for (const [k, v] of Object.entries({ connectionId: context.connectionId, region: context.region, clusterArn: context.clusterArn, roleArn: values.roleArn, taskDefinition: values.taskDefinition })) form.set(k, v);
    void checkEventsRoleAction(initialState, form).then((result) => {
      if (current && result.ok) setCheck({ key, ...(result.data as RoleCheck) });
    });
    return () => {
      current = false;
    };
    // The key holds every value the check reads.
  }, [key]);
  return check?.key === key ? check : null;
}
