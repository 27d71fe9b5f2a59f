import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { DeregisterButton } from "@/components/ecs/task-definitions/deregister-button";
import { RevisionDetail } from "@/components/ecs/task-definitions/revision-detail";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { describeTaskDefinition } from "@/lib/ecs/task-definitions/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { familyPath, revisionPath } from "@/lib/ecs/task-definitions/plan";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";

type Props = { params: Promise<{ family: string; revision: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  return segmentTitle((family) => `Task definition ${family}:${p.revision.slice(0, 10)}`, p.family);
}

export default async function RevisionPage({ params }: Props) {
  const user = await requirePageUser("viewer");
  const p = await params;
  const family = pageSegment(p.family);
  // "latest" is where a finished register plan lands: the newest ACTIVE revision.
  const latest = p.revision === "latest";
  if (!latest && !/^\d+$/.test(p.revision)) notFound();
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(() => describeTaskDefinition(conn, context.region, latest ? family : `${family}:${p.revision}`));
  if (!result.error && !result.data) notFound();
  if (latest && result.data) redirect(revisionPath(family, result.data.revision));
  const def = result.data;
  const name = `${family}:${p.revision}`;
  const canChange = roleAllows(user.role, "operator");
  return (
    <>
      <PageHeader
        title={name}
        description={`Task definition revision in ${context.region} · ${context.connectionName}`}
        breadcrumbs={[{ href: "/ecs/task-definitions", label: "Task definitions" }, { href: familyPath(family), label: family }, { label: `Revision ${p.revision}` }]}
        actions={
          canChange && def && (
            <>
              <ButtonLink variant="primary" href={`/ecs/task-definitions/new?from=${encodeURIComponent(name)}`}>Create new revision</ButtonLink>
              {def.status === "ACTIVE" && <DeregisterButton connectionId={context.connectionId} region={context.region} family={family} revision={def.revision} />}
            </>
          )
        }
      />
      {def ? <RevisionDetail def={def} /> : <AwsErrorAlert error={result.error} />}
    </>
  );
}
