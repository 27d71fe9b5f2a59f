import type { Metadata } from "next";
import { BEHIND_LIVE_TTL_MS } from "@/lib/core/live/shared-read";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { serviceOfTask, taskCrumbs } from "@/components/ecs/tasks/service-of-task";
import { TaskDetail } from "@/components/ecs/tasks/task-detail";
import { StopTaskButton } from "@/components/ecs/services/actions/stop-task-button";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { getLiveTaskShared } from "@/lib/ecs/services/live";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string; task: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return segmentTitle((name) => `Task ${name}`, (await params).task);
}

export default async function TaskPage({ params }: Props) {
  const user = await requirePageUser("viewer");
  const p = await params;
  const cluster = pageSegment(p.name);
  const taskId = pageSegment(p.task);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const found = await attempt(() => getLiveTaskShared(conn, context.region, cluster, taskId, BEHIND_LIVE_TTL_MS));
  const clusterHref = `/ecs/clusters/${encodeURIComponent(cluster)}`;
  const service = found.data ? serviceOfTask(found.data.group) : "";
  const crumbs = taskCrumbs(cluster, taskId, service);
  const base = `${clusterHref}/tasks/${encodeURIComponent(taskId)}`;
  return (
    <>
      <PageHeader
        title={`Task ${taskId}`}
        description={`ECS task in cluster ${cluster} · ${context.region} · ${context.connectionName}`}
        breadcrumbs={crumbs}
        actions={found.data ? (
          <div className="flex flex-wrap items-center gap-2">
            <ButtonLink variant="secondary" href={`${base}/logs`}>Logs</ButtonLink>
            {service && found.data.desiredStatus !== "STOPPED" && roleAllows(user.role, "operator") && (
              <StopTaskButton size="md" label="Stop task" target={{ connectionId: context.connectionId, region: context.region, cluster, service }} task={found.data.arn} />
            )}
          </div>
        ) : undefined}
      />
      {found.error ? (
        <AwsErrorAlert error={found.error} />
      ) : found.data ? (
        <TaskDetail initial={found.data} streamUrl={`/api/live/task/${encodeURIComponent(cluster)}/${encodeURIComponent(taskId)}`} clusterHref={clusterHref} />
      ) : (
        <EmptyState
          title="ECS does not know this task"
          description="It may have stopped more than an hour ago (ECS then forgets it), or the id is wrong. The service's events and logs still tell what happened."
          action={<ButtonLink href={clusterHref}>Back to {cluster}</ButtonLink>}
        />
      )}
    </>
  );
}
