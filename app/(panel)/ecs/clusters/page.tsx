import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { ClusterTable } from "@/components/ecs/clusters/cluster-table";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { listClusters } from "@/lib/ecs/clusters/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";

export const metadata: Metadata = { title: "ECS clusters" };

export default async function ClustersPage() {
  const user = await requirePageUser("viewer");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(() => listClusters(conn, context.region));
  const canCreate = roleAllows(user.role, "operator");
  return (
    <>
      <PageHeader
        title="Clusters"
        description={`Amazon ECS clusters in ${context.region} · ${context.connectionName}`}
        actions={canCreate && <ButtonLink href="/ecs/clusters/new" variant="primary">Create cluster</ButtonLink>}
      />
      {result.data ? <ClusterTable clusters={result.data} canCreate={canCreate} /> : <AwsErrorAlert error={result.error} />}
    </>
  );
}
