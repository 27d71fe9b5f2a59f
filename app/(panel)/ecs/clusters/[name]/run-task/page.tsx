import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { loadNetworks } from "@/components/ecs/tasks/load-networks";
import { RunTaskWizard } from "@/components/ecs/tasks/run-task-wizard";
import { TaskPicker } from "@/components/ecs/tasks/task-picker";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { getCluster } from "@/lib/ecs/clusters/reads";
import { describeTaskInterface, describeTaskSource, listRecentTasks } from "@/lib/ecs/common/prefill-reads";
import { getTaskDefinitionInfo } from "@/lib/ecs/services/reads";
import { listRunnableTaskDefinitions } from "@/lib/ecs/tasks/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { taskId, taskPrefill } from "@/lib/ecs/tasks/prefill";
import { pageSegment } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string }>; searchParams: Promise<{ fromTask?: string }> };

export const metadata: Metadata = { title: "Run task" };

export default async function RunTaskPage({ params, searchParams }: Props) {
  await requirePageUser("operator");
  const name = pageSegment((await params).name);
  // ?fromTask=<arn> runs an existing task again: the wizard starts from how it was run.
  const fromTask = (await searchParams).fromTask?.trim();
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const cluster = await getCluster(conn, context.region, name);
    if (!cluster) return null;
    const [taskDefinitions, networks, recent, source] = await Promise.all([
      listRunnableTaskDefinitions(conn, context.region),
      loadNetworks(conn, context.region),
      listRecentTasks(conn, context.region, cluster.arn),
      fromTask ? describeTaskSource(conn, context.region, cluster.arn, fromTask) : null,
    ]);
    if (!source) return { cluster, taskDefinitions, networks, recent, prefill: null };
    const revision = (source.taskDefinitionArn ?? "").split("/").pop() ?? "";
    let td = taskDefinitions.find((t) => t.ref === revision);
    if (!td) {
      // An older revision than the newest ones listed: offer it too.
      const info = await getTaskDefinitionInfo(conn, context.region, revision);
      td = info ? { ref: info.familyRevision, networkMode: info.networkMode, compatibilities: info.compatibilities, containers: info.containers.map((c) => c.name) } : undefined;
      if (td) taskDefinitions.unshift(td);
    }
    const eniId = source.attachments?.find((a) => a.type === "ElasticNetworkInterface")?.details?.find((d) => d.name === "networkInterfaceId")?.value;
    const eni = eniId ? await describeTaskInterface(conn, context.region, eniId) : null;
    const prefill = taskPrefill(source, { networks, networkMode: td?.networkMode ?? "awsvpc", eni });
    if (!td) {
      prefill.notes.push(`Task definition ${revision} could not be read: pick a revision.`);
      delete prefill.values.taskDefinition;
    }
    return { cluster, taskDefinitions, networks, recent, prefill };
  });
  if (!result.error && !result.data) notFound();
  return (
    <>
      <PageHeader
        title={result.data?.prefill ? "Run task again" : "Run task"}
        description={`A one-off task in ${name} · ${context.region}`}
        breadcrumbs={[{ href: "/ecs/clusters", label: "Clusters" }, { href: `/ecs/clusters/${encodeURIComponent(name)}`, label: name }, { label: "Run task" }]}
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <div className="space-y-4">
          <TaskPicker tasks={result.data!.recent} selected={fromTask} />
          {fromTask && !result.data!.prefill && <p className="text-sm text-red-700">Task {taskId(fromTask)} was not found in {name} (ECS forgets stopped tasks after about an hour); starting from the defaults.</p>}
          <RunTaskWizard
            key={fromTask ?? "new"}
            prefill={result.data!.prefill ? { source: `task ${taskId(fromTask!)}`, ...result.data!.prefill } : undefined}
            context={{ connectionId: context.connectionId, region: context.region, cluster: name }}
            taskDefinitions={result.data!.taskDefinitions}
            capacityProviders={result.data!.cluster.capacityProviders}
            networks={result.data!.networks}
          />
        </div>
      )}
    </>
  );
}
