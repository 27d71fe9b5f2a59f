"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/wizard/submit-button";
import { initialState } from "@/lib/core/actions/state";
import { testConnectionAction } from "@/lib/core/connections/actions";

/** Calls STS GetCallerIdentity through the connection and says who it is, or why it failed. */
export function TestConnectionButton({ connectionId, name }: { connectionId: string; name: string }) {
  const [state, action] = useActionState(testConnectionAction, initialState);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="connectionId" value={connectionId} />
      <SubmitButton variant="secondary" size="sm" aria-label={`Test connection ${name}`}>Test connection</SubmitButton>
      {state.message && (
        <Alert tone={state.ok ? "success" : "error"} title={state.ok ? "Connected" : "Connection failed"}>
          <p className="break-all">{state.message}</p>
          {state.requestId && <p className="mt-1 font-mono text-xs">Request id: {state.requestId}</p>}
        </Alert>
      )}
    </form>
  );
}
