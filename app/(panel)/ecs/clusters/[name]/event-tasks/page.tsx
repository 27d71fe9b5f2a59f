import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { EventRuleTable } from "@/components/ecs/event-tasks/event-rule-table";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { getCluster } from "@/lib/ecs/clusters/reads";
import { listClusterEventRules } from "@/lib/ecs/event-tasks/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string }> };

export const metadata: Metadata = { title: "Run on events" };

export default async function EventTasksPage({ params }: Props) {
  const user = await requirePageUser("viewer");
  const name = pageSegment((await params).name);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const cluster = await getCluster(conn, context.region, name);
    return cluster && { cluster, rules: await listClusterEventRules(conn, context.region, cluster.arn) };
  });
  if (!result.error && !result.data) notFound();
  const canOperate = roleAllows(user.role, "operator");
  const base = `/ecs/clusters/${encodeURIComponent(name)}`;
  return (
    <>
      <PageHeader
        title="Run on events"
        description={`Tasks EventBridge rules start in ${name} · ${context.region}`}
        breadcrumbs={[{ href: "/ecs/clusters", label: "Clusters" }, { href: base, label: name }, { label: "Run on events" }]}
        actions={canOperate && <ButtonLink variant="primary" href={`${base}/event-tasks/new`}>Create rule</ButtonLink>}
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <EventRuleTable rules={result.data!.rules} canDelete={canOperate}
          context={{ connectionId: context.connectionId, region: context.region, cluster: name, clusterArn: result.data!.cluster.arn }} />
      )}
    </>
  );
}
