import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { DeleteRepositoryButton } from "@/components/ecr/repositories/delete-repository-button";
import { ImageTable } from "@/components/ecr/repositories/image-table";
import { PushCommands } from "@/components/ecr/repositories/push-commands";
import { RepositorySummary } from "@/components/ecr/repositories/repository-summary";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";
import { getRepository, listImages } from "@/lib/ecr/repositories/reads";

type Props = { params: Promise<{ name: string[] }> };

// A namespace holds at most a few levels; more segments than this is no repository name.
const MAX_PARTS = 32;

async function nameOf(params: Props["params"]): Promise<string> {
  const parts = (await params).name;
  if (parts.length > MAX_PARTS) notFound();
  return parts.map(pageSegment).join("/");
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parts = (await params).name;
  return segmentTitle((name) => `Repository ${name}`, parts.slice(0, MAX_PARTS).join("%2F"));
}

export default async function RepositoryPage({ params }: Props) {
  const user = await requirePageUser("viewer");
  const name = await nameOf(params);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const repository = await getRepository(conn, context.region, name);
    return repository ? { repository, images: await listImages(conn, context.region, name) } : null;
  });
  if (!result.error && !result.data) notFound();
  const canChange = roleAllows(user.role, "operator");
  const fields = { connectionId: context.connectionId, region: context.region, repositoryName: name };
  return (
    <>
      <PageHeader
        title={name}
        description={`Private repository in ${context.region} · ${context.connectionName}`}
        breadcrumbs={[{ href: "/ecr", label: "Repositories" }, { label: name }]}
        actions={
          <>
            <ButtonLink variant="secondary" href={`/history?resource=${encodeURIComponent(`ecr:repository/${name}`)}`}>History</ButtonLink>
            {canChange && result.data && <DeleteRepositoryButton {...fields} imageCount={result.data.images.length} />}
          </>
        }
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <div className="space-y-6">
          <RepositorySummary repository={result.data!.repository} images={result.data!.images} />
          <section aria-labelledby="images-heading" className="space-y-2">
            <h2 id="images-heading" className="text-base font-semibold">Images</h2>
            <ImageTable images={result.data!.images} canDelete={canChange} context={fields} />
          </section>
          <PushCommands uri={result.data!.repository.uri} arn={result.data!.repository.arn} region={context.region} />
        </div>
      )}
    </>
  );
}
