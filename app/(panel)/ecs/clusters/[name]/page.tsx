import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { ClusterOverview } from "@/components/ecs/cluster-overview";
import { ServiceTable } from "@/components/ecs/service-table";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { getCluster, listServices } from "@/lib/aws/ecs";
import { attempt, loadWorkingConnection } from "@/lib/connections/load";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Cluster ${decodeURIComponent((await params).name)}` };
}

export default async function ClusterPage({ params }: Props) {
  await requirePageUser("viewer");
  const name = decodeURIComponent((await params).name);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const cluster = await getCluster(conn, context.region, name);
    return cluster && { cluster, services: await listServices(conn, context.region, cluster.arn) };
  });
  if (!result.error && !result.data) notFound();
  return (
    <>
      <PageHeader
        title={name}
        description={`ECS cluster in ${context.region} · ${context.connectionName}`}
        breadcrumbs={[{ href: "/ecs/clusters", label: "Clusters" }, { label: name }]}
        actions={<ButtonLink variant="secondary" href={`/history?resource=${encodeURIComponent(`ecs:cluster/${name}`)}`}>History</ButtonLink>}
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <div className="space-y-5">
          <ClusterOverview cluster={result.data!.cluster} />
          <ServiceTable services={result.data!.services} />
        </div>
      )}
    </>
  );
}
