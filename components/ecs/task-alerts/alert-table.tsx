import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { TaskAlertSummary } from "@/lib/ecs/task-alerts/reads";
import { ReviewedDeleteButton } from "@/components/wizard/reviewed-delete-button";
import { deleteTaskAlertAction, previewDeleteTaskAlertAction } from "@/lib/ecs/task-alerts/actions";

type Props = { alerts: TaskAlertSummary[]; canDelete: boolean; context: { connectionId: string; region: string; cluster: string } };

/** The rules that mail this cluster's stopped tasks, and who receives them (as SNS reports each subscription). */
export function AlertTable({ alerts, canDelete, context }: Props) {
  return (
    <Card>
      <CardHeader title="Task and deployment alerts" description="EventBridge rules on this cluster's ECS Task State Change or its services' ECS Deployment State Change events, with an SNS topic as target." />
      {alerts.length === 0 ? (
        <EmptyState title="No task alerts" description="Create an alert to get an e-mail when a task of this cluster stops with a non-zero exit code, or when a deployment of its services fails or is rolled back." />
      ) : (
        <Table aria-label="Task alerts">
          <THead>
            <Tr>
              <Th>Rule</Th>
              <Th>On</Th>
              <Th>State</Th>
              <Th>Topic</Th>
              <Th>Subscriptions</Th>
              {canDelete && <Th><span className="sr-only">Actions</span></Th>}
            </Tr>
          </THead>
          <TBody>
            {alerts.map((a) => (
              <Tr key={a.name}>
                <Td className="font-medium">{a.name}</Td>
                <Td>{a.kind === "deployments" ? "Service deployments" : "Stopped tasks"}</Td>
                <Td><StatusBadge status={a.state} /></Td>
                <Td className="font-mono text-xs">{a.topicArn.split(":").pop()}</Td>
                <Td>
                  <ul className="space-y-1">
                    {a.subscriptions.map((s) => (
                      <li key={`${s.protocol}:${s.endpoint}`} className="flex items-center gap-2 text-sm">
                        {s.endpoint} <Badge tone={s.status === "Confirmed" ? "green" : "yellow"}>{s.status}</Badge>
                      </li>
                    ))}
                    {a.subscriptions.length === 0 && <li className="text-sm text-ink-muted">No subscriptions: nobody is told.</li>}
                  </ul>
                </Td>
                {canDelete && <Td className="text-right"><ReviewedDeleteButton noun="alert" name={a.name} fields={{ ...context, ruleName: a.name }} preview={previewDeleteTaskAlertAction} action={deleteTaskAlertAction} description="Stopped tasks are no longer mailed. The SNS topic and its subscriptions stay (other rules may publish to them)." /></Td>}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
