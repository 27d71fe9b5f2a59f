import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { loadNetworks } from "@/components/ecs/tasks/load-networks";
import { CreateScheduleWizard } from "@/components/ecs/scheduled-tasks/create-schedule-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { getCluster, listServices } from "@/lib/ecs/clusters/reads";
import { listRunnableTaskDefinitions } from "@/lib/ecs/tasks/reads";
import { getScheduleSource } from "@/lib/ecs/common/prefill-reads";
import { listRolesTrusting } from "@/lib/iam/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { schedulePrefill } from "@/lib/ecs/scheduled-tasks/prefill";
import { orderTaskDefinitions } from "@/lib/ecs/task-definitions/order";
import { SCHEDULER_ROLE_NAME } from "@/lib/ecs/scheduled-tasks/plan";
import { pageSegment } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string }>; searchParams: Promise<{ from?: string; group?: string }> };

export const metadata: Metadata = { title: "Create schedule" };

export default async function NewSchedulePage({ params, searchParams }: Props) {
  await requirePageUser("operator");
  const name = pageSegment((await params).name);
  // ?from=<schedule>&group=<group> duplicates a schedule: the wizard starts from its settings.
  const { from, group } = await searchParams;
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const cluster = await getCluster(conn, context.region, name);
    if (!cluster) return null;
    const [taskDefinitions, services, networks, roles, source] = await Promise.all([
      listRunnableTaskDefinitions(conn, context.region),
      listServices(conn, context.region, name),
      loadNetworks(conn, context.region),
      listRolesTrusting(conn, ["scheduler.amazonaws.com"]),
      from ? getScheduleSource(conn, context.region, from, group || "default") : null,
    ]);
    // Scheduler's ECS target here is Fargate, which takes awsvpc task definitions only. The first
    // offered is the default: the newest revision of a family this cluster's services run.
    const fargate = orderTaskDefinitions(
      taskDefinitions.filter((t) => t.networkMode === "awsvpc").map((t) => t.ref),
      services.map((s) => s.taskDefinition),
    );
    const prefill = source ? schedulePrefill(source, { networks }) : null;
    const copied = prefill?.values.taskDefinition;
    // The original's revision may be older than the newest ones listed: offer it too.
    if (copied && !fargate.includes(copied)) fargate.unshift(copied);
    if (prefill?.values.roleArn && !roles.some((r) => r.arn === prefill.values.roleArn)) {
      prefill.notes.push(`Role ${prefill.values.roleArn.split("/").pop()} does not trust EventBridge Scheduler (or is gone): pick another.`);
      delete prefill.values.roleMode;
      delete prefill.values.roleArn;
    }
    return { cluster, taskDefinitions: fargate, networks, roles, prefill };
  });
  if (!result.error && !result.data) notFound();
  const base = `/ecs/clusters/${encodeURIComponent(name)}`;
  return (
    <>
      <PageHeader
        title={from ? `Duplicate schedule ${from}` : "Create schedule"}
        description={`Run a task in ${name} on a schedule · ${context.region}`}
        breadcrumbs={[{ href: "/ecs/clusters", label: "Clusters" }, { href: base, label: name }, { href: `${base}/scheduled-tasks`, label: "Scheduled tasks" }, { label: from ? "Duplicate" : "Create" }]}
      />
      {from && result.data && !result.data.prefill && <p className="mb-4 text-sm text-red-700">Schedule {from} was not found; starting from the defaults.</p>}
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <CreateScheduleWizard
          context={{ connectionId: context.connectionId, region: context.region, cluster: name, clusterArn: result.data!.cluster.arn }}
          taskDefinitions={result.data!.taskDefinitions}
          networks={result.data!.networks}
          roles={result.data!.roles.map((r) => ({ name: r.name, arn: r.arn }))}
          standardRoleName={SCHEDULER_ROLE_NAME}
          prefill={result.data!.prefill ? { source: `schedule ${from}`, ...result.data!.prefill } : undefined}
        />
      )}
    </>
  );
}
