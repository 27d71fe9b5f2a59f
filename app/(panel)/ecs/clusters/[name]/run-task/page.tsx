import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { loadNetworks } from "@/components/run-task/load-networks";
import { RunTaskWizard } from "@/components/run-task/run-task-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { getCluster } from "@/lib/aws/ecs";
import { listRunnableTaskDefinitions } from "@/lib/aws/ecs-tasks";
import { attempt, loadWorkingConnection } from "@/lib/connections/load";

type Props = { params: Promise<{ name: string }> };

export const metadata: Metadata = { title: "Run task" };

export default async function RunTaskPage({ params }: Props) {
  await requirePageUser("operator");
  const name = decodeURIComponent((await params).name);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const cluster = await getCluster(conn, context.region, name);
    if (!cluster) return null;
    const [taskDefinitions, networks] = await Promise.all([listRunnableTaskDefinitions(conn, context.region), loadNetworks(conn, context.region)]);
    return { cluster, taskDefinitions, networks };
  });
  if (!result.error && !result.data) notFound();
  return (
    <>
      <PageHeader
        title="Run task"
        description={`A one-off task in ${name} · ${context.region}`}
        breadcrumbs={[{ href: "/ecs/clusters", label: "Clusters" }, { href: `/ecs/clusters/${encodeURIComponent(name)}`, label: name }, { label: "Run task" }]}
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <RunTaskWizard
          context={{ connectionId: context.connectionId, region: context.region, cluster: name }}
          taskDefinitions={result.data!.taskDefinitions}
          capacityProviders={result.data!.cluster.capacityProviders}
          networks={result.data!.networks}
        />
      )}
    </>
  );
}
