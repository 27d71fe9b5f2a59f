"use client";

import { useActionState, useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { previewTeardownAction, teardownClusterAction } from "@/lib/ecs/clusters/actions";
import { LEFTOVER_GROUPS, type Leftovers } from "@/lib/ecs/services/leftovers";
import { LeftoverGroups } from "../services/leftover-groups";

type Props = { connectionId: string; region: string; cluster: string };
type Preview = { deletes: string[]; leftovers: Leftovers; hash: string };

/**
 * Tear down as a recorded plan, after the cluster name is typed. The list of deletions is read
 * from AWS as the dialog opens, and again when a delete / keep choice changes (the plan changes
 * with it); the server refuses the teardown if the cluster changed after.
 */
export function TeardownClusterButton({ connectionId, region, cluster }: Props) {
  const [state, action] = useActionState(teardownClusterAction, initialState);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The groups stay on screen while a changed choice is read again, so the choice is not lost.
  const [leftovers, setLeftovers] = useState<Leftovers | null>(null);
  const [loading, start] = useTransition();
  const choicesRef = useRef<HTMLDivElement>(null);
  const opening = useRef(0);

  function load(fresh: boolean) {
    const mine = ++opening.current;
    setPreview(null);
    setProblem(null);
    if (fresh) setLeftovers(null);
    const dialogForm = fresh ? null : choicesRef.current?.closest("form");
    start(async () => {
      const form = new FormData();
      form.set("connectionId", connectionId);
      form.set("region", region);
      form.set("cluster", cluster);
      for (const g of LEFTOVER_GROUPS) {
        const chosen = dialogForm?.querySelector<HTMLInputElement>(`input[name="${g}"]:checked, input[type=hidden][name="${g}"]`);
        if (chosen) form.set(g, chosen.value);
      }
      const result = await previewTeardownAction(initialState, form);
      if (mine !== opening.current) return;
      if (result.ok) {
        const data = result.data as Preview;
        setPreview(data);
        setLeftovers(data.leftovers);
      } else setProblem(result.message ?? "Could not read what the cluster holds.");
    });
  }

  return (
    <div className="flex items-center gap-2">
      {state.message && <Alert tone="error" className="py-1">{state.fieldErrors?.confirmName?.[0] ?? state.message}</Alert>}
      <ConfirmDialog
        triggerLabel="Tear down cluster"
        triggerProps={{ variant: "danger" }}
        tone="danger"
        title={`Tear down cluster ${cluster}?`}
        onOpen={() => load(true)}
        confirmDisabled={!preview}
        description={
          <>
            {loading && <p role="status">Reading what the cluster holds…</p>}
            {problem && <p role="alert" className="text-red-700">{problem}</p>}
            {preview && (
              <>
                <p>This deletes, in order:</p>
                <ul className="mt-1 list-disc pl-5" aria-label="Will be deleted">
                  {preview.deletes.map((d) => <li key={d}>{d}</li>)}
                </ul>
              </>
            )}
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
        <input type="hidden" name="reviewedHash" value={preview?.hash ?? ""} />
        <div ref={choicesRef} onChange={() => load(false)}>
          <LeftoverGroups leftovers={leftovers} />
        </div>
      </ConfirmDialog>
    </div>
  );
}
