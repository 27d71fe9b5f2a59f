import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { CreateTaskAlertWizard } from "@/components/ecs/task-alerts/create-task-alert-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { getCluster } from "@/lib/ecs/clusters/reads";
import { listRunnableTaskDefinitions } from "@/lib/ecs/tasks/reads";
import { listTopics } from "@/lib/ecs/task-alerts/reads";
import { readClusterShared } from "@/lib/ecs/services/fleet-live";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string }> };

export const metadata: Metadata = { title: "Create task alert" };

export default async function NewTaskAlertPage({ params }: Props) {
  await requirePageUser("operator");
  const name = pageSegment((await params).name);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const cluster = await getCluster(conn, context.region, name);
    if (!cluster) return null;
    const [taskDefinitions, topics, live] = await Promise.all([listRunnableTaskDefinitions(conn, context.region), listTopics(conn, context.region), readClusterShared(conn, context.region, name)]);
    return { cluster, families: [...new Set(taskDefinitions.map((t) => t.ref.split(":")[0]!))].sort(), services: live.services.map((s) => s.name).sort(), topics };
  });
  if (!result.error && !result.data) notFound();
  const base = `/ecs/clusters/${encodeURIComponent(name)}`;
  return (
    <>
      <PageHeader
        title="Create task alert"
        description={`An e-mail when a task of ${name} stops or a deployment of its services fails · ${context.region}`}
        breadcrumbs={[{ href: "/ecs/clusters", label: "Clusters" }, { href: base, label: name }, { href: `${base}/task-alerts`, label: "Task alerts" }, { label: "Create" }]}
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <CreateTaskAlertWizard
          context={{ connectionId: context.connectionId, region: context.region, cluster: name, clusterArn: result.data!.cluster.arn }}
          families={result.data!.families}
          services={result.data!.services}
          topics={result.data!.topics}
        />
      )}
    </>
  );
}
