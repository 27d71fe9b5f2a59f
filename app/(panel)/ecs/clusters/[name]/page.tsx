import type { Metadata } from "next";
import { BEHIND_LIVE_TTL_MS } from "@/lib/core/live/shared-read";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { ClusterCapacity } from "@/components/ecs/clusters/cluster-capacity";
import { ClusterOverview } from "@/components/ecs/clusters/cluster-overview";
import { DuplicateClusterLink } from "@/components/ecs/clusters/duplicate-cluster-link";
import { ServiceTable } from "@/components/ecs/services/service-table";
import { TeardownClusterButton } from "@/components/ecs/clusters/teardown-cluster-button";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { getCluster } from "@/lib/ecs/clusters/reads";
import { readClusterShared } from "@/lib/ecs/services/fleet-live";
import { describeClusterCapacity } from "@/lib/ecs/clusters/capacity";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return segmentTitle((name) => `Cluster ${name}`, (await params).name);
}

export default async function ClusterPage({ params }: Props) {
  const user = await requirePageUser("viewer");
  const name = pageSegment((await params).name);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const cluster = await getCluster(conn, context.region, name);
    if (!cluster) return null;
    // By name, as the live stream reads it: the render and the stream's first poll share one read.
    const [live, capacity] = await Promise.all([
      readClusterShared(conn, context.region, name, BEHIND_LIVE_TTL_MS),
      describeClusterCapacity(conn, context.region, cluster.capacityProviders),
    ]);
    return { cluster, live, services: live.services, capacity };
  });
  if (!result.error && !result.data) notFound();
  const canOperate = roleAllows(user.role, "operator");
  const base = `/ecs/clusters/${encodeURIComponent(name)}`;
  const data = result.data;
  return (
    <>
      <PageHeader
        title={name}
        description={`ECS cluster in ${context.region} · ${context.connectionName}`}
        breadcrumbs={[{ href: "/ecs/clusters", label: "Clusters" }, { label: name }]}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {canOperate && <ButtonLink variant="primary" href={`${base}/services/new`}>Create service</ButtonLink>}
            {canOperate && <ButtonLink variant="secondary" href={`${base}/run-task`}>Run task</ButtonLink>}
            <ButtonLink variant="secondary" href={`${base}/scheduled-tasks`}>Scheduled tasks</ButtonLink>
            <ButtonLink variant="secondary" href={`${base}/event-tasks`}>Run on events</ButtonLink>
            <ButtonLink variant="secondary" href={`${base}/task-alerts`}>Task alerts</ButtonLink>
            <ButtonLink variant="secondary" href={`/history?resource=${encodeURIComponent(`ecs:cluster/${name}`)}`}>History</ButtonLink>
            {canOperate && data && <DuplicateClusterLink cluster={name} />}
            {canOperate && data && <TeardownClusterButton connectionId={context.connectionId} region={context.region} cluster={name} />}
          </div>
        }
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <div className="space-y-5">
          <ClusterOverview cluster={data!.cluster} />
          <ClusterCapacity providers={data!.capacity} edit={canOperate ? { connectionId: context.connectionId, region: context.region, cluster: name } : undefined} />
          <ServiceTable cluster={name} initial={data!.live} />
        </div>
      )}
    </>
  );
}
