import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { CreateRepositoryWizard } from "@/components/ecr/repositories/create-repository-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { registryHost } from "@/lib/ecr/repositories/push-commands";
import { getRegistryId } from "@/lib/ecr/repositories/reads";

export const metadata: Metadata = { title: "Create repository" };

export default async function NewRepositoryPage() {
  await requirePageUser("operator");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(() => getRegistryId(conn, context.region));
  return (
    <>
      <PageHeader
        title="Create repository"
        description={`A private Amazon ECR repository in ${context.region} · ${context.connectionName}`}
        breadcrumbs={[{ href: "/ecr", label: "Repositories" }, { label: "Create" }]}
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <CreateRepositoryWizard context={{ connectionId: context.connectionId, region: context.region }} registry={registryHost(result.data!, context.region)} />
      )}
    </>
  );
}
