"use client";

import { useEffect, useState } from "react";
import { initialState } from "@/lib/core/actions/state";
import { serviceActionContextAction, type ServiceActionContext } from "@/lib/ecs/services/ops-actions";
import type { ServiceTarget } from "./plan-action-form";

/** What a dialog needs from AWS and the history, read when it opens (never from a stale page). */
export function useServiceContext(target: ServiceTarget, kind: "scale" | "deploy" | "rollback") {
  const [state, setState] = useState<{ context?: ServiceActionContext; error?: { text: string; requestId?: string } }>({});
  const { connectionId, region, cluster, service } = target;
  useEffect(() => {
    let current = true;
    const form = new FormData();
    for (const [k, v] of Object.entries({ connectionId, region, cluster, service, kind })) form.set(k, v);
    serviceActionContextAction(initialState, form).then((r) => {
      if (!current) return;
      setState(r.ok ? { context: r.data as ServiceActionContext } : { error: { text: r.message ?? "Could not read the service.", requestId: r.requestId } });
    });
    return () => { current = false; };
  }, [connectionId, region, cluster, service, kind]);
  return state;
}
