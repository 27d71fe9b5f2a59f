"use client";

import { useActionState, useState } from "react";
import { PlanActionForm } from "@/components/ecs/services/actions/plan-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { initialState } from "@/lib/core/actions/state";
import { dismissProposalAction, previewProposalAction, runProposalAction } from "@/lib/ecr/deploy-on-push/actions";
import type { RuleTarget } from "@/lib/ecr/deploy-on-push/plan";
import { proposalSchema } from "@/lib/ecr/deploy-on-push/schema";

export type ProposalRow = { id: string; tag: string; imageUri: string; repository: string; tagPattern: string; pushedAt: string };

function Proposal({ proposal, target, canOperate }: { proposal: ProposalRow; target: RuleTarget; canOperate: boolean }) {
  const [open, setOpen] = useState(false);
  const [dismissed, dismiss, dismissing] = useActionState(dismissProposalAction, initialState);
  if (dismissed.ok) return null;
  return (
    <Alert tone="info" aria-label={`Proposed deploy of ${proposal.tag}`} title={`${proposal.tag} was pushed to ${proposal.repository}`}>
      <p>
        It matches the deploy-on-push rule <code className="font-mono">{proposal.tagPattern}</code> (pushed <RelativeTime date={proposal.pushedAt} />).
        A deploy plan for <span className="font-mono">{proposal.imageUri}</span> is ready to review.
      </p>
      {dismissed.message && <p className="mt-1 text-red-700">{dismissed.message}</p>}
      {canOperate && !open && (
        <div className="mt-2 flex gap-2">
          <Button size="sm" onClick={() => setOpen(true)}>Review deploy</Button>
          <form action={dismiss}>
            {Object.entries(target).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
            <input type="hidden" name="eventId" value={proposal.id} />
            <Button size="sm" type="submit" variant="secondary" pending={dismissing}>Dismiss</Button>
          </form>
        </div>
      )}
      {canOperate && open && (
        <div className="mt-3 rounded-md border border-line bg-surface p-4 text-ink">
          <PlanActionForm target={target} schema={proposalSchema} fields={[]} values={{ eventId: proposal.id }} preview={previewProposalAction}
            confirm={runProposalAction} confirmLabel={`Deploy ${proposal.tag}`} onCancel={() => setOpen(false)}>
            {() => (
              <>
                <input type="hidden" name="eventId" value={proposal.id} />
                <p className="text-sm">Review builds the plan from what {target.service} runs now: a new revision with {proposal.tag} in the containers that use {proposal.repository}.</p>
              </>
            )}
          </PlanActionForm>
        </div>
      )}
    </Alert>
  );
}

/** Proposals of the service's deploy-on-push rules, as notification banners above its sections. */
export function ProposalBanners({ proposals, target, canOperate }: { proposals: ProposalRow[]; target: RuleTarget; canOperate: boolean }) {
  if (proposals.length === 0) return null;
  return (
    <div className="mb-4 space-y-2" aria-label="Deploy-on-push proposals" role="region">
      {proposals.map((p) => <Proposal key={p.id} proposal={p} target={target} canOperate={canOperate} />)}
    </div>
  );
}
