import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { PublicRepositoryTable } from "@/components/ecr/public/public-repository-table";
import { RepositoryTable } from "@/components/ecr/repositories/repository-table";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { listPublicRepositories } from "@/lib/ecr/public/reads";
import { PUBLIC_REGION } from "@/lib/ecr/public/schema";
import { listRepositories } from "@/lib/ecr/repositories/reads";

export const metadata: Metadata = { title: "ECR repositories" };

export default async function RepositoriesPage() {
  const user = await requirePageUser("viewer");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const inPublicRegion = context.region === PUBLIC_REGION;
  const [result, publicResult] = await Promise.all([
    attempt(() => listRepositories(conn, context.region)),
    inPublicRegion ? attempt(() => listPublicRepositories(conn)) : Promise.resolve(null),
  ]);
  const canCreate = roleAllows(user.role, "operator");
  return (
    <>
      <PageHeader
        title="Repositories"
        description={`Private Amazon ECR repositories in ${context.region} · ${context.connectionName}`}
        actions={
          <>
            <ButtonLink href="/ecr/registry" variant="secondary">Pull-through cache and replication</ButtonLink>
            {canCreate && <ButtonLink href="/ecr/new" variant="primary">Create repository</ButtonLink>}
          </>
        }
      />
      <div className="space-y-8">
        {result.data ? <RepositoryTable repositories={result.data} canCreate={canCreate} /> : <AwsErrorAlert error={result.error} />}
        <section aria-labelledby="public-heading" className="space-y-2">
          <div className="flex items-center justify-between gap-2">
            <h2 id="public-heading" className="text-base font-semibold">Public repositories (ECR Public)</h2>
            {inPublicRegion && canCreate && publicResult?.data && publicResult.data.length > 0 && <ButtonLink href="/ecr/public/new" variant="secondary" size="sm">Create public repository</ButtonLink>}
          </div>
          {!inPublicRegion ? (
            <Alert tone="info" title="ECR Public is in us-east-1 only">
              Public repositories are managed through the us-east-1 region only (their images are served worldwide from public.ecr.aws). Switch the region to us-east-1 to list, create or delete them.
            </Alert>
          ) : publicResult?.data ? (
            <PublicRepositoryTable repositories={publicResult.data} canChange={canCreate} context={{ connectionId: context.connectionId, region: context.region }} />
          ) : (
            <AwsErrorAlert error={publicResult!.error} />
          )}
        </section>
      </div>
    </>
  );
}
