import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { RepositoryTable } from "@/components/ecr/repositories/repository-table";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { listRepositories } from "@/lib/ecr/repositories/reads";

export const metadata: Metadata = { title: "ECR repositories" };

export default async function RepositoriesPage() {
  const user = await requirePageUser("viewer");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(() => listRepositories(conn, context.region));
  const canCreate = roleAllows(user.role, "operator");
  return (
    <>
      <PageHeader
        title="Repositories"
        description={`Private Amazon ECR repositories in ${context.region} · ${context.connectionName}`}
        actions={canCreate && <ButtonLink href="/ecr/new" variant="primary">Create repository</ButtonLink>}
      />
      {result.data ? <RepositoryTable repositories={result.data} canCreate={canCreate} /> : <AwsErrorAlert error={result.error} />}
    </>
  );
}
