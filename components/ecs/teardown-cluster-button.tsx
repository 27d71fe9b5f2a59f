"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { initialState } from "@/lib/actions/action-state";
import { teardownClusterAction } from "@/lib/actions/cluster-actions";

type Props = { connectionId: string; region: string; cluster: string; deletes: string[] };

/** Tear down as a recorded plan, after the cluster name is typed; the dialog names every deletion. */
export function TeardownClusterButton({ connectionId, region, cluster, deletes }: Props) {
  const [state, action] = useActionState(teardownClusterAction, initialState);
  return (
    <div className="flex items-center gap-2">
      {state.message && <Alert tone="error" className="py-1">{state.message}</Alert>}
      <ConfirmDialog
        triggerLabel="Tear down cluster"
        triggerProps={{ variant: "danger" }}
        tone="danger"
        title={`Tear down cluster ${cluster}?`}
        description={
          <>
            <p>This deletes, in order:</p>
            <ul className="mt-1 list-disc pl-5" aria-label="Will be deleted">
              {deletes.map((d) => <li key={d}>{d}</li>)}
            </ul>
            <p className="mt-2">Task definitions are kept: they cost nothing.</p>
          </>
        }
        confirmLabel="Tear down"
        requireText={cluster}
        formAction={action}
      >
        <input type="hidden" name="connectionId" value={connectionId} />
        <input type="hidden" name="region" value={region} />
        <input type="hidden" name="cluster" value={cluster} />
        <input type="hidden" name="confirmName" value={cluster} />
      </ConfirmDialog>
    </div>
  );
}
