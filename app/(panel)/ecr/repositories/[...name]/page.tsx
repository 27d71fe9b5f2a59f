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
import { getImageFindings, getRepository, listImages } from "@/lib/ecr/repositories/reads";
import { imagePage, parseImagePageQuery } from "@/lib/ecr/repositories/image-page";
import { lifecyclePath, repositoryPath } from "@/lib/ecr/repositories/paths";
import { ImageFindings } from "@/components/ecr/repositories/image-findings";
import { formatBytes } from "@/lib/core/format/bytes";
import { utcMinute } from "@/lib/core/format/utc";
import { PolicyEditor } from "@/components/ecr/repository-policy/policy-editor";
import { UsedByTable } from "@/components/ecr/used-by/used-by-table";
import { getRepositoryPolicy } from "@/lib/ecr/repository-policy/reads";
import { imageUsedBy, repositoryUsedBy } from "@/lib/ecr/used-by/reads";

type Props = { params: Promise<{ name: string[] }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// A namespace holds at most a few levels; more segments than this is no repository name.
const MAX_PARTS = 32;

/** The repository name, and the image digest when the last segment is one (a name never holds ":"). */
async function pathOf(params: Props["params"]): Promise<{ name: string; digest: string | null }> {
  const parts = (await params).name;
  if (parts.length > MAX_PARTS) notFound();
  const decoded = parts.map(pageSegment);
  const last = decoded.at(-1)!;
  if (!last.startsWith("sha256:")) return { name: decoded.join("/"), digest: null };
  if (decoded.length < 2 || !/^sha256:[0-9a-f]{64}$/.test(last)) notFound();
  return { name: decoded.slice(0, -1).join("/"), digest: last };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parts = (await params).name;
  return segmentTitle((name) => `Repository ${name}`, parts.slice(0, MAX_PARTS).join("%2F"));
}

export default async function RepositoryPage({ params, searchParams }: Props) {
  const user = await requirePageUser("viewer");
  const { name, digest } = await pathOf(params);
  if (digest) return <ImagePage name={name} digest={digest} />;
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const query = parseImagePageQuery(await searchParams);
  const result = await attempt(async () => {
    const repository = await getRepository(conn, context.region, name);
    if (!repository) return null;
    const [images, policy, usedBy] = await Promise.all([
      listImages(conn, context.region, name),
      getRepositoryPolicy(conn, context.region, name),
      repositoryUsedBy(conn, context.region, repository.uri),
    ]);
    // The full list stays in the shared read layer; the browser gets one sorted page of it.
    return { repository, images: imagePage(images, query), policy, usedBy };
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
            <ButtonLink variant="secondary" href={lifecyclePath(name)}>Lifecycle policy</ButtonLink>
            {canChange && result.data && <DeleteRepositoryButton {...fields} imageCount={result.data.images.total} />}
          </>
        }
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <div className="space-y-6">
          <RepositorySummary repository={result.data!.repository} imageCount={result.data!.images.total} totalSize={result.data!.images.totalSize} />
          <section aria-labelledby="images-heading" className="space-y-2">
            <h2 id="images-heading" className="text-base font-semibold">Images</h2>
            <ImageTable page={result.data!.images} basePath={repositoryPath(name)} canDelete={canChange} context={fields} />
          </section>
          <UsedByTable usedBy={result.data!.usedBy} what="repository" />
          <PolicyEditor context={fields} current={result.data!.policy} canEdit={canChange} />
          <PushCommands uri={result.data!.repository.uri} arn={result.data!.repository.arn} region={context.region} />
        </div>
      )}
    </>
  );
}

/** One image: its tags, size and push time, and its last scan's findings. */
async function ImagePage({ name, digest }: { name: string; digest: string }) {
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const [repository, images] = await Promise.all([getRepository(conn, context.region, name), listImages(conn, context.region, name)]);
    const image = images.find((i) => i.digest === digest);
    if (!repository || !image) return null;
    const [scan, usedBy] = await Promise.all([
      getImageFindings(conn, context.region, name, digest),
      imageUsedBy(conn, context.region, { uri: repository.uri, tags: image.tags, digest }),
    ]);
    return { image, scan, usedBy };
  });
  if (!result.error && !result.data) notFound();
  const image = result.data?.image;
  return (
    <>
      <PageHeader
        title={image?.tags.length ? `${name}:${image.tags[0]}` : `${name}@${digest.slice(0, 19)}…`}
        description={<span className="font-mono text-xs break-all">{digest}</span>}
        breadcrumbs={[{ href: "/ecr", label: "Repositories" }, { href: repositoryPath(name), label: name }, { label: image?.tags.join(", ") || "untagged" }]}
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <div className="space-y-6">
          <dl aria-label="Image" className="grid gap-3 text-sm sm:grid-cols-4">
            <div><dt className="text-xs text-ink-muted">Tags</dt><dd>{image!.tags.join(", ") || "untagged"}</dd></div>
            <div><dt className="text-xs text-ink-muted">Pushed at</dt><dd>{utcMinute(image!.pushedAt)}</dd></div>
            <div><dt className="text-xs text-ink-muted">Size</dt><dd>{image!.size === null ? "—" : formatBytes(image!.size)}</dd></div>
            <div><dt className="text-xs text-ink-muted">Last pulled</dt><dd>{utcMinute(image!.lastPulledAt)}</dd></div>
          </dl>
          <ImageFindings scan={result.data!.scan} />
          <UsedByTable usedBy={result.data!.usedBy} what="image" />
        </div>
      )}
    </>
  );
}
