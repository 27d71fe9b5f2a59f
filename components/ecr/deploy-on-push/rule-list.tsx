"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { initialState } from "@/lib/core/actions/state";
import { deleteRuleAction, pauseRuleAction, resumeRuleAction } from "@/lib/ecr/deploy-on-push/actions";
import type { RuleTarget } from "@/lib/ecr/deploy-on-push/plan";
import { RuleForm } from "./rule-form";

export type RuleRow = {
  id: string;
  repository: string;
  tagPattern: string;
  mode: "propose" | "auto";
  paused: boolean;
  pausedReason: string | null;
  createdBy: string;
  createdAt: string;
  last: { tag: string; status: string; at: string; runId: string | null; detail: string | null } | null;
};

function Hidden({ target, ruleId }: { target: RuleTarget; ruleId: string }) {
  return (
    <>
      {Object.entries(target).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <input type="hidden" name="ruleId" value={ruleId} />
    </>
  );
}

function RuleCard({ rule, target, repositories, canOperate }: { rule: RuleRow; target: RuleTarget; repositories: string[]; canOperate: boolean }) {
  const [editing, setEditing] = useState(false);
  const [toggled, toggle, toggling] = useActionState(rule.paused ? resumeRuleAction : pauseRuleAction, initialState);
  const [deleted, remove] = useActionState(deleteRuleAction, initialState);
  const message = deleted.message && !deleted.ok ? deleted.message : toggled.message;
  return (
    <Card role="region" aria-label={`Rule ${rule.tagPattern} on ${rule.repository}`}>
      <CardHeader
        title={<span className="font-mono">{rule.tagPattern}</span>}
        description={`Tags matching ${rule.tagPattern} pushed to ${rule.repository} · created by ${rule.createdBy}`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={rule.mode === "auto" ? "blue" : "neutral"}>{rule.mode === "auto" ? "Deploys automatically" : "Proposes"}</Badge>
            <Badge tone={rule.paused ? "yellow" : "green"} data-testid="rule-state">{rule.paused ? "Paused" : "Active"}</Badge>
          </div>
        }
      />
      <CardBody className="space-y-3">
        {rule.paused && rule.pausedReason && <Alert tone="warning" title="Paused">{rule.pausedReason}</Alert>}
        <p className="text-sm text-ink-muted" data-testid="rule-last">
          {rule.last ? (
            <>Last push: <span className="font-mono text-ink">{rule.last.tag}</span> — {rule.last.status} <RelativeTime date={rule.last.at} />
              {rule.last.runId && <> · <Link className="text-accent-700 underline" href={`/history/${rule.last.runId}`}>run</Link></>}</>
          ) : "No matching push since the rule was created."}
        </p>
        {message && <Alert tone={toggled.ok || deleted.ok ? "success" : "error"}>{message}</Alert>}
        {canOperate && editing && <RuleForm target={target} repositories={repositories} initial={rule} onDone={() => setEditing(false)} />}
        {canOperate && !editing && (
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit rule ${rule.tagPattern}`}>Edit</Button>
            <form action={toggle}>
              <Hidden target={target} ruleId={rule.id} />
              <Button type="submit" variant="secondary" pending={toggling}>{rule.paused ? "Resume" : "Pause"}</Button>
            </form>
            <ConfirmDialog triggerLabel="Delete" triggerProps={{ variant: "secondary", "aria-label": `Delete rule ${rule.tagPattern}` }} tone="danger"
              title={`Delete rule ${rule.tagPattern}?`} description="Pushes are no longer deployed or proposed. Runs it started stay in the history."
              confirmLabel="Delete rule" formAction={remove}>
              <Hidden target={target} ruleId={rule.id} />
            </ConfirmDialog>
          </div>
        )}
      </CardBody>
    </Card>
  );
}

/** The service's deploy-on-push rules; operators create and change them, viewers read them. */
export function RuleList({ rules, target, repositories, canOperate, intervalSeconds }: { rules: RuleRow[]; target: RuleTarget; repositories: string[]; canOperate: boolean; intervalSeconds: number }) {
  return (
    <div className="space-y-5">
      <p className="max-w-3xl text-sm text-ink-muted">
        When a tag matching a rule is pushed to its ECR repository, Portside deploys it to <strong>{target.service}</strong> with the
        same plan as Deploy (a new revision with the pushed image), or proposes that plan here for someone to review.
        Repositories are read every {intervalSeconds} s; an image is acted on once; a failed deployment pauses its rule.
      </p>
      {rules.length === 0 ? (
        <EmptyState title="No deploy-on-push rules yet"
          description={canOperate ? "Create one below: pick the repository this service's image comes from and the tags to deploy, such as v*." : "An operator can create one to deploy new images of this service when they are pushed."} />
      ) : (
        rules.map((rule) => <RuleCard key={rule.id} rule={rule} target={target} repositories={repositories} canOperate={canOperate} />)
      )}
      {canOperate && (
        <Card>
          <CardHeader title="New rule" description="Applies to images pushed after it is created." />
          <CardBody>
            {repositories.length === 0
              ? <p className="text-sm text-ink-muted">There are no ECR repositories in this region yet. <Link className="text-accent-700 underline" href="/ecr/new">Create a repository</Link> and push an image first.</p>
              : <RuleForm target={target} repositories={repositories} />}
          </CardBody>
        </Card>
      )}
    </div>
  );
}
