import { StatusBadge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { EventRuleSummary } from "@/lib/ecs/event-tasks/reads";
import { ReviewedDeleteButton } from "@/components/wizard/reviewed-delete-button";
import { deleteEventRuleAction, previewDeleteEventRuleAction } from "@/lib/ecs/event-tasks/actions";

type Props = { rules: EventRuleSummary[]; canDelete: boolean; context: { connectionId: string; region: string; cluster: string; clusterArn: string } };

/** The default bus's rules that run tasks in this cluster: what they match and what they start. */
export function EventRuleTable({ rules, canDelete, context }: Props) {
  return (
    <Card>
      <CardHeader title="Event rules" description="EventBridge rules on the default bus with a target in this cluster." />
      {rules.length === 0 ? (
        <EmptyState title="No event rules" description="Create a rule to run a task each time an object is uploaded to a bucket, or when another event matches a pattern." />
      ) : (
        <Table aria-label="Event rules">
          <THead>
            <Tr>
              <Th>Rule</Th>
              <Th>State</Th>
              <Th>Events</Th>
              <Th>Task definition</Th>
              <Th className="text-right">Tasks</Th>
              {canDelete && <Th><span className="sr-only">Actions</span></Th>}
            </Tr>
          </THead>
          <TBody>
            {rules.map((r) => {
              const targets = r.targets.filter((t) => t.arn === context.clusterArn);
              return (
                <Tr key={r.name}>
                  <Td className="font-medium">
                    {r.name}
                    {r.description && <p className="text-xs font-normal text-ink-muted">{r.description}</p>}
                  </Td>
                  <Td><StatusBadge status={r.state} /></Td>
                  <Td className="max-w-md">
                    {r.s3 ? (
                      <span>Objects created in <span className="font-mono text-xs">{r.s3.bucket}</span>, {r.s3.key}</span>
                    ) : (
                      <code className="block font-mono text-xs [overflow-wrap:anywhere]">{r.pattern}</code>
                    )}
                  </Td>
                  <Td className="font-mono text-xs">{targets.map((t) => t.taskDefinition).join(", ")}</Td>
                  <Td className="text-right tabular-nums">{targets.map((t) => t.taskCount).join(", ")}</Td>
                  {canDelete && <Td className="text-right">{!r.awsManaged && <ReviewedDeleteButton noun="rule" name={r.name} fields={{ connectionId: context.connectionId, region: context.region, cluster: context.cluster, ruleName: r.name }} preview={previewDeleteEventRuleAction} action={deleteEventRuleAction} description="Events stop starting tasks. Tasks already running keep running; the bucket keeps sending its events to EventBridge, and the task definition and role stay." />}</Td>}
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
