import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { AlertTable } from "@/components/ecs/task-alerts/alert-table";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { getCluster } from "@/lib/ecs/clusters/reads";
import { listClusterAlerts } from "@/lib/ecs/task-alerts/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string }> };

export const metadata: Metadata = { title: "Task alerts" };

export default async function TaskAlertsPage({ params }: Props) {
  const user = await requirePageUser("viewer");
  const name = pageSegment((await params).name);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const cluster = await getCluster(conn, context.region, name);
    return cluster && listClusterAlerts(conn, context.region, cluster.arn);
  });
  if (!result.error && !result.data) notFound();
  const base = `/ecs/clusters/${encodeURIComponent(name)}`;
  const canOperate = roleAllows(user.role, "operator");
  return (
    <>
      <PageHeader
        title="Task alerts"
        description={`E-mails when tasks of ${name} stop or deployments of its services fail · ${context.region}`}
        breadcrumbs={[{ href: "/ecs/clusters", label: "Clusters" }, { href: base, label: name }, { label: "Task alerts" }]}
        actions={canOperate && <ButtonLink variant="primary" href={`${base}/task-alerts/new`}>Create alert</ButtonLink>}
      />
      {result.error ? <AwsErrorAlert error={result.error} /> : <AlertTable alerts={result.data!} canDelete={canOperate} context={{ connectionId: context.connectionId, region: context.region, cluster: name }} />}
    </>
  );
}
