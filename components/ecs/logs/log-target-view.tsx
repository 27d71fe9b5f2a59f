import { AwsErrorAlert } from "@/components/common/aws-error";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { LogTarget } from "@/lib/ecs/logs/targets";
import { LogViewer } from "./log-viewer";

type Props = {
  found: { data?: LogTarget | null; error?: unknown };
  cluster: string;
  service?: string;
  task?: string;
  region: string;
  searchParams: Record<string, string | string[] | undefined>;
  /** Where to edit the task definition when no container logs to CloudWatch. */
  taskDefinitionsHref: string;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A service's or task's logs, or why there are none and what to do about it. */
export function LogTargetView({ found, cluster, service, task, region, searchParams, taskDefinitionsHref }: Props) {
  if (found.error) return <AwsErrorAlert error={found.error} title="The task definition could not be read" />;
  const target = found.data;
  if (!target) {
    return (
      <EmptyState
        title={task ? "ECS does not know this task" : "This service does not exist"}
        description={
          task
            ? "ECS forgets a task about an hour after it stopped. Its lines are still in CloudWatch: open the service's Logs tab, which reads every task's stream."
            : "It may have been deleted. Pick another service in the cluster."
        }
        action={<ButtonLink href={`/ecs/clusters/${encodeURIComponent(cluster)}`}>Back to {cluster}</ButtonLink>}
      />
    );
  }
  if (target.sources.length === 0) {
    return (
      <EmptyState
        title="No container logs to CloudWatch"
        description={`No container of ${target.taskDefinition} uses the awslogs log driver${target.otherContainers.length ? ` (${target.otherContainers.join(", ")} log elsewhere or not at all)` : ""}. Register a revision with awslogs (group, region, stream prefix) and deploy it to see logs here.`}
        action={<ButtonLink href={taskDefinitionsHref}>Open the task definition</ButtonLink>}
      />
    );
  }
  return (
    <>
      {target.task && (
        <p className="mb-3 text-sm text-ink-muted" data-testid="task-log-status">
          Task {target.task.id} is <span className="font-medium text-ink">{target.task.lastStatus}</span>
          {target.task.lastStatus === "STOPPED" && " — its stream stays readable in CloudWatch"}
          {target.task.stoppedReason ? ` (${target.task.stoppedReason})` : ""} · {target.taskDefinition}
        </p>
      )}
      <LogViewer
        cluster={cluster}
        service={service}
        task={task}
        region={region}
        sources={target.sources}
        initial={{ container: one(searchParams.container), range: one(searchParams.range), start: one(searchParams.start), end: one(searchParams.end), pattern: one(searchParams.pattern) }}
      />
    </>
  );
}
