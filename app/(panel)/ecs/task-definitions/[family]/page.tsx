import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { RevisionDiff } from "@/components/ecs/task-definitions/revision-diff";
import { RevisionTable } from "@/components/ecs/task-definitions/revision-table";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { describeTaskDefinition, listRevisions } from "@/lib/ecs/task-definitions/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { taskDefinitionResource } from "@/lib/ecs/task-definitions/plan";
import { diffJson } from "@/lib/ecs/task-definitions/json-diff";
import { registrableJson } from "@/lib/ecs/task-definitions/view";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";

type Props = { params: Promise<{ family: string }>; searchParams: Promise<{ from?: string; to?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return segmentTitle((name) => `Task definition ${name}`, (await params).family);
}

export default async function FamilyPage({ params, searchParams }: Props) {
  const user = await requirePageUser("viewer");
  const family = pageSegment((await params).family);
  const query = await searchParams;
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const revisions = await listRevisions(conn, context.region, family);
    if (revisions.length === 0) return null;
    const numbers = revisions.map((r) => r.revision);
    // By default: the newest revision against the one before it.
    const to = numbers.includes(Number(query.to)) ? Number(query.to) : numbers[0]!;
    const from = numbers.includes(Number(query.from)) ? Number(query.from) : (numbers.find((n) => n < to) ?? to);
    const [a, b] = await Promise.all([describeTaskDefinition(conn, context.region, `${family}:${from}`), describeTaskDefinition(conn, context.region, `${family}:${to}`)]);
    return { revisions, numbers, from, to, diff: a && b && numbers.length > 1 ? diffJson(registrableJson(a), registrableJson(b)) : null };
  });
  if (!result.error && !result.data) notFound();
  const canChange = roleAllows(user.role, "operator");
  const latestActive = result.data?.revisions.find((r) => r.status === "ACTIVE");
  return (
    <>
      <PageHeader
        title={family}
        description={`Task definition family in ${context.region} · ${context.connectionName}`}
        breadcrumbs={[{ href: "/ecs/task-definitions", label: "Task definitions" }, { label: family }]}
        actions={
          <>
            <ButtonLink variant="secondary" href={`/history?resource=${encodeURIComponent(taskDefinitionResource(family))}`}>History</ButtonLink>
            {canChange && latestActive && (
              <ButtonLink variant="primary" href={`/ecs/task-definitions/new?from=${encodeURIComponent(`${family}:${latestActive.revision}`)}`}>Create new revision</ButtonLink>
            )}
          </>
        }
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <div className="space-y-5">
          <RevisionTable revisions={result.data!.revisions} canChange={canChange} connection={{ id: context.connectionId, region: context.region }} />
          {result.data!.numbers.length > 1 && (
            <RevisionDiff family={family} revisions={result.data!.numbers} from={result.data!.from} to={result.data!.to} diff={result.data!.diff} />
          )}
        </div>
      )}
    </>
  );
}
