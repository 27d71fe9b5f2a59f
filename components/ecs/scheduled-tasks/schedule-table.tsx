import { StatusBadge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { ScheduleSummary } from "@/lib/ecs/tasks/reads";
import { ReviewedDeleteButton } from "@/components/wizard/reviewed-delete-button";
import { deleteScheduleAction, previewDeleteScheduleAction } from "@/lib/ecs/scheduled-tasks/actions";

type Props = { schedules: ScheduleSummary[]; canDelete: boolean; context: { connectionId: string; region: string; cluster: string } };

export function ScheduleTable({ schedules, canDelete, context }: Props) {
  return (
    <Card>
      <CardHeader title="Schedules" description="EventBridge Scheduler schedules whose target is this cluster." />
      {schedules.length === 0 ? (
        <EmptyState title="No scheduled tasks" description="A schedule runs a task definition on Fargate at a rate or on a cron expression." />
      ) : (
        <Table aria-label="Schedules">
          <THead>
            <Tr>
              <Th>Schedule</Th>
              <Th>State</Th>
              <Th>Expression</Th>
              <Th>Time zone</Th>
              <Th>Task definition</Th>
              <Th className="text-right">Tasks</Th>
              <Th>Launch type</Th>
              {canDelete && <Th><span className="sr-only">Actions</span></Th>}
            </Tr>
          </THead>
          <TBody>
            {schedules.map((s) => (
              <Tr key={`${s.group}/${s.name}`}>
                <Td className="font-medium">{s.name}</Td>
                <Td><StatusBadge status={s.state} /></Td>
                <Td className="font-mono text-xs">{s.expression}</Td>
                <Td>{s.timezone}</Td>
                <Td className="font-mono text-xs">{s.taskDefinition}</Td>
                <Td className="text-right tabular-nums">{s.taskCount}</Td>
                <Td>{s.launchType}</Td>
                {canDelete && (
                  <Td className="text-right">
                    <div className="flex items-center justify-end gap-2">
                      <ButtonLink variant="secondary" size="sm" aria-label={`Duplicate schedule ${s.name}`}
                        href={`/ecs/clusters/${encodeURIComponent(context.cluster)}/scheduled-tasks/new?from=${encodeURIComponent(s.name)}&group=${encodeURIComponent(s.group)}`}>
                        Duplicate
                      </ButtonLink>
                      <ReviewedDeleteButton noun="schedule" name={s.name} fields={{ ...context, scheduleName: s.name, groupName: s.group }} preview={previewDeleteScheduleAction} action={deleteScheduleAction} description="The task stops being started on this schedule. Tasks already running keep running; the task definition and role stay." />
                    </div>
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
