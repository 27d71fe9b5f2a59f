"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RadioCards } from "@/components/ui/input";
import { RelativeTime } from "@/components/ui/relative-time";
import { previewRollbackAction, rollbackAction } from "@/lib/ecs/services/ops-actions";
import { rollbackSchema } from "@/lib/ecs/services/ops-schema";
import { ContextStatus } from "./context-status";
import { PlanActionForm, type ServiceTarget } from "./plan-action-form";
import { useServiceContext } from "./use-service-context";

/** Roll back to a revision the service ran before, as its history and deployments show. */
export function RollbackForm({ target, onCancel }: { target: ServiceTarget; onCancel: () => void }) {
  const { context, error } = useServiceContext(target, "rollback");
  const [picked, setPicked] = useState<string>();
  if (!context) return <ContextStatus error={error} />;
  const from = context.taskDefinition;
  if (!context.candidates.length) {
    return (
      <div className="space-y-4">
        <EmptyState title="No earlier revision to roll back to"
          description={`${target.service} runs ${from}. Portside has no recorded change of its task definition and it has no older deployment in progress. To run another revision, use Deploy.`} />
        <div className="flex justify-end"><Button type="button" variant="secondary" onClick={onCancel}>Close</Button></div>
      </div>
    );
  }
  const to = picked ?? context.candidates[0]!.taskDefinition;
  return (
    <PlanActionForm target={target} schema={rollbackSchema} fields={["toTaskDefinition"]} values={{ fromTaskDefinition: from, toTaskDefinition: to }}
      preview={previewRollbackAction} confirm={rollbackAction} onCancel={onCancel} confirmLabel={`Roll back to ${to}`}>
      {(w) => (
        <>
          <input type="hidden" name="fromTaskDefinition" value={from} />
          <RadioCards name="toTaskDefinition" legend="Revision to go back to" value={to} className="[&_.grid]:grid-cols-1"
            onValueChange={(v) => { setPicked(v); w.touch("toTaskDefinition"); }}
            options={context.candidates.map((c) => ({
              value: c.taskDefinition,
              label: <span className="font-mono">{c.taskDefinition}</span>,
              description: <>Ran {c.source}{c.at && <> · <RelativeTime date={c.at} /></>}</>,
            }))} />
          {w.errorFor("toTaskDefinition") && <p role="alert" className="text-xs font-medium text-red-700">{w.errorFor("toTaskDefinition")![0]}</p>}
          <p className="text-sm" data-testid="rollback-summary">Roll back {target.service} from <strong className="font-mono">{from}</strong> to <strong className="font-mono">{to}</strong>.</p>
        </>
      )}
    </PlanActionForm>
  );
}
