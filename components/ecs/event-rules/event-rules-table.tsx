import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { RuleKind } from "@/lib/ecs/event-rules/classify";
import type { RuleMetrics } from "@/lib/ecs/event-rules/metrics";
import type { EventRuleRow } from "@/lib/ecs/event-rules/reads";
import { ReviewedDeleteButton } from "@/components/wizard/reviewed-delete-button";
import { deleteRuleAction, previewDeleteRuleAction } from "@/lib/ecs/event-rules/actions";
import { RuleStateButton } from "./rule-state-button";

type Props = {
  rules: EventRuleRow[];
  metrics: Record<string, RuleMetrics> | null;
  metricHours: number;
  canOperate: boolean;
  context: { connectionId: string; region: string };
};

const KIND: Record<RuleKind, string> = { "runs-tasks": "Runs tasks", "task-alert": "Task alert", "deployment-alert": "Deployment alert" };

/** Every rule of the default bus that starts ECS tasks or mails ECS alerts: what it matches, where it sends, how often it fired. */
export function EventRulesTable({ rules, metrics, metricHours, canOperate, context }: Props) {
  return (
    <Card>
      <CardHeader
        title="Rules on the default event bus"
        description={`Rules whose targets run ECS tasks, and Portside's task and deployment alerts. Counts are AWS/Events metrics over the last ${metricHours} hours.`}
      />
      {rules.length === 0 ? (
        <EmptyState
          title="No event rules"
          description="Open a cluster and choose Run on events to start a task when an object is uploaded or an event matches a pattern, or Task alerts to be mailed about stopped tasks and failed deployments."
          action={<Link href="/ecs/clusters" className="text-sm font-medium text-accent-700 hover:underline">Go to clusters</Link>}
        />
      ) : (
        <Table aria-label="Event rules">
          <THead>
            <Tr>
              <Th>Rule</Th>
              <Th>State</Th>
              <Th>Pattern or schedule</Th>
              <Th>Targets</Th>
              <Th className="text-right">Triggered</Th>
              <Th className="text-right">Invocations</Th>
              <Th className="text-right">Failed</Th>
              {canOperate && <Th><span className="sr-only">Actions</span></Th>}
            </Tr>
          </THead>
          <TBody>
            {rules.map((r) => {
              const m = metrics?.[r.name];
              return (
                <Tr key={r.name}>
                  <Td className="font-medium">
                    {r.name}
                    <div className="mt-1"><Badge tone={r.kind === "runs-tasks" ? "blue" : "neutral"}>{KIND[r.kind]}</Badge></div>
                    {r.description && <p className="text-xs font-normal text-ink-muted">{r.description}</p>}
                  </Td>
                  <Td><StatusBadge status={r.state} /></Td>
                  <Td className="max-w-sm">
                    {r.schedule ? <span className="font-mono text-xs">{r.schedule}</span> : <code className="block max-h-24 overflow-y-auto font-mono text-xs [overflow-wrap:anywhere]">{r.pattern}</code>}
                  </Td>
                  <Td className="max-w-xs text-sm">
                    <ul className="space-y-1">{r.targets.map((t) => <li key={t.id}>{t.detail}</li>)}</ul>
                  </Td>
                  <Td className="text-right tabular-nums" data-testid="triggered">{m ? m.TriggeredRules : "—"}</Td>
                  <Td className="text-right tabular-nums" data-testid="invocations">{m ? m.Invocations : "—"}</Td>
                  <Td className="text-right tabular-nums" data-testid="failed-invocations">{m ? <span className={m.FailedInvocations ? "font-semibold text-red-700" : undefined}>{m.FailedInvocations}</span> : "—"}</Td>
                  {canOperate && (
                    <Td className="text-right">
                      {!r.managedBy && (
                        <div className="flex justify-end gap-2">
                          <RuleStateButton {...context} ruleName={r.name} enabled={r.state === "ENABLED"} />
                          <ReviewedDeleteButton noun="rule" name={r.name} fields={{ ...context, ruleName: r.name }} preview={previewDeleteRuleAction} action={deleteRuleAction} description="Matching events stop reaching its targets. Tasks already running keep running; topics, queues, roles and buckets stay." />
                        </div>
                      )}
                    </Td>
                  )}
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
