import type { Metadata } from "next";
import { NoConnection } from "@/components/common/no-connection";
import { CreatePublicRepositoryWizard } from "@/components/ecr/public/create-public-repository-wizard";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { loadWorkingConnection } from "@/lib/core/connections/load";
import { PUBLIC_REGION } from "@/lib/ecr/public/schema";

export const metadata: Metadata = { title: "Create public repository" };

export default async function NewPublicRepositoryPage() {
  await requirePageUser("operator");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context } = working;
  return (
    <>
      <PageHeader
        title="Create public repository"
        description={`An Amazon ECR Public repository · ${context.connectionName}`}
        breadcrumbs={[{ href: "/ecr", label: "Repositories" }, { label: "Create public" }]}
      />
      {context.region !== PUBLIC_REGION ? (
        <Alert tone="info" title="ECR Public is in us-east-1 only">Switch the region to us-east-1 to create a public repository.</Alert>
      ) : (
        <CreatePublicRepositoryWizard context={{ connectionId: context.connectionId, region: context.region }} registry="public.ecr.aws/<your alias>" />
      )}
    </>
  );
}
