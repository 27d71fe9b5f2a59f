"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { deletePullThroughRuleAction, previewDeletePullThroughRuleAction } from "@/lib/ecr/pull-through/actions";
import type { PullThroughRule } from "@/lib/ecr/pull-through/reads";
import { UPSTREAMS } from "@/lib/ecr/pull-through/schema";

type Props = { rules: PullThroughRule[]; canChange: boolean; context: { connectionId: string; region: string } };

const upstreamLabel = (url: string) => (UPSTREAMS as Record<string, { label: string }>)[url]?.label ?? url;

/** The region's pull-through cache rules, each deletable as a reviewed plan. */
export function PullThroughRuleTable({ rules, canChange, context }: Props) {
  const [state, action] = useActionState(deletePullThroughRuleAction, initialState);
  if (rules.length === 0) {
    return (
      <EmptyState title="No pull-through cache rules"
        description="A rule lets tasks pull images of ECR Public, Docker Hub or Quay through this registry: ECR caches them here, so pulls stay in AWS and clear of upstream rate limits."
        action={canChange && <ButtonLink href="/ecr/pull-through/new" variant="secondary">Create pull-through cache rule</ButtonLink>} />
    );
  }
  return (
    <div className="space-y-2">
      {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <Table aria-label="Pull-through cache rules">
        <THead><tr><Th>Prefix</Th><Th>Upstream</Th><Th>Credentials</Th><Th>Created</Th>{canChange && <Th><span className="sr-only">Actions</span></Th>}</tr></THead>
        <TBody>
          {rules.map((r) => (
            <Tr key={r.prefix}>
              <Td className="font-mono text-xs">{r.prefix}/</Td>
              <Td>{upstreamLabel(r.upstreamRegistryUrl)} <span className="font-mono text-xs text-ink-muted">{r.upstreamRegistryUrl}</span></Td>
              <Td className="max-w-72 font-mono text-xs wrap-anywhere">{r.credentialArn ?? <span className="font-sans text-ink-faint">none</span>}</Td>
              <Td className="whitespace-nowrap">{r.createdAt ? r.createdAt.slice(0, 10) : "—"}</Td>
              {canChange && (
                <Td>
                  <ReviewedConfirmDialog
                    triggerLabel="Delete"
                    triggerProps={{ variant: "secondary", size: "sm", "aria-label": `Delete pull-through cache rule ${r.prefix}` }}
                    tone="danger"
                    title={`Delete pull-through cache rule ${r.prefix}?`}
                    description="Images already cached stay; new pulls under this prefix no longer reach the upstream."
                    confirmLabel="Delete rule"
                    fields={{ ...context, ecrRepositoryPrefix: r.prefix }}
                    preview={previewDeletePullThroughRuleAction}
                    formAction={action}
                  />
                </Td>
              )}
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
