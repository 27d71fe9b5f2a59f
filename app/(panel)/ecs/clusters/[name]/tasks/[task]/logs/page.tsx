import type { Metadata } from "next";
import { NoConnection } from "@/components/common/no-connection";
import { serviceOfTask, taskCrumbs } from "@/components/ecs/tasks/service-of-task";
import { LogTargetView } from "@/components/ecs/logs/log-target-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { taskLogTarget } from "@/lib/ecs/logs/targets";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string; task: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return segmentTitle((name) => `Logs · task ${name}`, (await params).task);
}

/** One task's logs: its own stream per container, running or stopped. */
export default async function TaskLogsPage({ params, searchParams }: Props) {
  await requirePageUser("viewer");
  const p = await params;
  const cluster = pageSegment(p.name);
  const taskId = pageSegment(p.task);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const found = await attempt(() => taskLogTarget(conn, context.region, cluster, taskId));
  const crumbs = taskCrumbs(cluster, taskId, serviceOfTask(found.data?.task?.group ?? ""), [{ label: "Logs" }]);
  const family = found.data?.taskDefinition.split(":")[0] ?? "";
  return (
    <>
      <PageHeader title={`Logs of task ${taskId}`} description={`ECS task in cluster ${cluster} · ${context.region} · ${context.connectionName}`} breadcrumbs={crumbs} />
      <LogTargetView
        found={found}
        cluster={cluster}
        task={taskId}
        region={context.region}
        searchParams={await searchParams}
        taskDefinitionsHref={`/ecs/task-definitions/${encodeURIComponent(family)}`}
      />
    </>
  );
}
