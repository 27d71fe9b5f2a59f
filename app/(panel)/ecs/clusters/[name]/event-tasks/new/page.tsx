import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { loadNetworks } from "@/components/ecs/tasks/load-networks";
import { CreateEventTaskWizard } from "@/components/ecs/event-tasks/create-event-task-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { getCluster, listServices } from "@/lib/ecs/clusters/reads";
import { listRunnableTaskDefinitions } from "@/lib/ecs/tasks/reads";
import { listBuckets, listDeadLetterQueues } from "@/lib/ecs/event-tasks/reads";
import { EVENTS_ROLE_NAME } from "@/lib/ecs/event-tasks/plan";
import { listRolesTrusting } from "@/lib/iam/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { orderTaskDefinitions } from "@/lib/ecs/task-definitions/order";
import { pageSegment } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string }> };

export const metadata: Metadata = { title: "Create event rule" };

export default async function NewEventTaskPage({ params }: Props) {
  await requirePageUser("operator");
  const name = pageSegment((await params).name);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const cluster = await getCluster(conn, context.region, name);
    if (!cluster) return null;
    const [taskDefinitions, services, networks, roles, buckets, queues] = await Promise.all([
      listRunnableTaskDefinitions(conn, context.region),
      listServices(conn, context.region, name),
      loadNetworks(conn, context.region),
      listRolesTrusting(conn, ["events.amazonaws.com"]),
      listBuckets(conn, context.region),
      listDeadLetterQueues(conn, context.region),
    ]);
    // The target runs on Fargate, which takes awsvpc task definitions only; the cluster's own families first.
    const fargate = taskDefinitions.filter((t) => t.networkMode === "awsvpc");
    const order = orderTaskDefinitions(fargate.map((t) => t.ref), services.map((s) => s.taskDefinition));
    const byRef = new Map(fargate.map((t) => [t.ref, t.containers]));
    return { cluster, taskDefinitions: order.map((ref) => ({ ref, containers: byRef.get(ref) ?? [] })), networks, roles, buckets, queues };
  });
  if (!result.error && !result.data) notFound();
  const base = `/ecs/clusters/${encodeURIComponent(name)}`;
  return (
    <>
      <PageHeader
        title="Create event rule"
        description={`Run a task in ${name} for each S3 upload or matching event · ${context.region}`}
        breadcrumbs={[{ href: "/ecs/clusters", label: "Clusters" }, { href: base, label: name }, { href: `${base}/event-tasks`, label: "Run on events" }, { label: "Create" }]}
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <CreateEventTaskWizard
          context={{ connectionId: context.connectionId, region: context.region, cluster: name, clusterArn: result.data!.cluster.arn }}
          taskDefinitions={result.data!.taskDefinitions}
          buckets={result.data!.buckets}
          capacityProviders={result.data!.cluster.capacityProviders}
          queues={result.data!.queues}
          networks={result.data!.networks}
          roles={result.data!.roles.map((r) => ({ name: r.name, arn: r.arn }))}
          standardRoleName={EVENTS_ROLE_NAME}
        />
      )}
    </>
  );
}
