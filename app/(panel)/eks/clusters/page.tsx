import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { EksClusterTable } from "@/components/eks/clusters/cluster-table";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { listEksClusters } from "@/lib/eks/clusters/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";

export const metadata: Metadata = { title: "EKS clusters" };

export default async function EksClustersPage() {
  const user = await requirePageUser("viewer");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(() => listEksClusters(conn, context.region));
  const canCreate = roleAllows(user.role, "operator");
  return (
    <>
      <PageHeader
        title="EKS clusters"
        description={`Amazon EKS clusters in ${context.region} · ${context.connectionName}`}
        actions={canCreate && <ButtonLink href="/eks/clusters/new" variant="primary">Create cluster</ButtonLink>}
      />
      {result.data ? <EksClusterTable clusters={result.data} canCreate={canCreate} /> : <AwsErrorAlert error={result.error} />}
    </>
  );
}
