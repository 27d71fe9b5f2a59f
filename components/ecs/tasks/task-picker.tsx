import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import type { RecentTask } from "@/lib/ecs/common/prefill-reads";
import { taskId } from "@/lib/ecs/tasks/prefill";

const label = (t: RecentTask) =>
  `${taskId(t.arn).slice(0, 12)} · ${t.taskDefinition} · ${t.lastStatus}${t.group.startsWith("service:") ? ` · ${t.group}` : ""}${t.at ? ` · ${t.at.slice(0, 16).replace("T", " ")} UTC` : ""}`;

/**
 * "Start from an existing task": a plain GET form, so choosing a task is a navigation to
 * ?fromTask=<arn> that the page prefills from (and that can be bookmarked or shared).
 */
export function TaskPicker({ tasks, selected }: { tasks: RecentTask[]; selected?: string }) {
  return (
    <Card>
      <CardHeader title="Start from an existing task" description="Run a recent task of this cluster again: its revision, compute, networking and overrides." />
      <CardBody>
        {tasks.length === 0 ? (
          <p className="text-sm text-ink-muted">No recent tasks in this cluster (ECS keeps stopped tasks for about an hour). Fill the form below instead.</p>
        ) : (
          <form method="get" className="flex flex-wrap items-end gap-2">
            <Field label="Recent task" htmlFor="fromTask" className="min-w-0 flex-1">
              <Select id="fromTask" name="fromTask" defaultValue={selected ?? tasks[0]!.arn} className="w-full font-mono text-xs">
                {tasks.map((t) => <option key={t.arn} value={t.arn}>{label(t)}</option>)}
              </Select>
            </Field>
            <Button type="submit" variant="secondary">Start from this task</Button>
          </form>
        )}
      </CardBody>
    </Card>
  );
}
