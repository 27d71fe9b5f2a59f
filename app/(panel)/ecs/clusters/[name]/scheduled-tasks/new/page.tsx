import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { loadNetworks } from "@/components/run-task/load-networks";
import { CreateScheduleWizard } from "@/components/scheduled-tasks/create-schedule-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { getCluster } from "@/lib/aws/ecs";
import { listRunnableTaskDefinitions } from "@/lib/aws/ecs-tasks";
import { listRolesTrusting } from "@/lib/aws/iam-roles";
import { attempt, loadWorkingConnection } from "@/lib/connections/load";
import { SCHEDULER_ROLE_NAME } from "@/lib/plans/scheduled-task";

type Props = { params: Promise<{ name: string }> };

export const metadata: Metadata = { title: "Create schedule" };

export default async function NewSchedulePage({ params }: Props) {
  await requirePageUser("operator");
  const name = decodeURIComponent((await params).name);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const cluster = await getCluster(conn, context.region, name);
    if (!cluster) return null;
    const [taskDefinitions, networks, roles] = await Promise.all([
      listRunnableTaskDefinitions(conn, context.region),
      loadNetworks(conn, context.region),
      listRolesTrusting(conn, ["scheduler.amazonaws.com"]),
    ]);
    // Scheduler's ECS target here is Fargate, which takes awsvpc task definitions only.
    const fargate = taskDefinitions.filter((t) => t.networkMode === "awsvpc").map((t) => t.ref);
    return { cluster, taskDefinitions: fargate, networks, roles };
  });
  if (!result.error && !result.data) notFound();
  const base = `/ecs/clusters/${encodeURIComponent(name)}`;
  return (
    <>
      <PageHeader
        title="Create schedule"
        description={`Run a task in ${name} on a schedule · ${context.region}`}
        breadcrumbs={[{ href: "/ecs/clusters", label: "Clusters" }, { href: base, label: name }, { href: `${base}/scheduled-tasks`, label: "Scheduled tasks" }, { label: "Create" }]}
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <CreateScheduleWizard
          context={{ connectionId: context.connectionId, region: context.region, cluster: name, clusterArn: result.data!.cluster.arn }}
          taskDefinitions={result.data!.taskDefinitions}
          networks={result.data!.networks}
          roles={result.data!.roles.map((r) => ({ name: r.name, arn: r.arn }))}
          standardRoleName={SCHEDULER_ROLE_NAME}
        />
      )}
    </>
  );
}
