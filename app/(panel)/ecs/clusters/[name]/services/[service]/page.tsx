import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { DeleteServiceButton } from "@/components/ecs-service/delete-service-button";
import { ServiceOverview } from "@/components/ecs-service/service-overview";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { roleAllows } from "@/lib/auth/roles";
import { getServiceDetail } from "@/lib/aws/ecs-service-detail";
import { describeLoadBalancing } from "@/lib/aws/elbv2";
import { attempt, loadWorkingConnection } from "@/lib/connections/load";

type Props = { params: Promise<{ name: string; service: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Service ${decodeURIComponent((await params).service)}` };
}

export default async function ServicePage({ params }: Props) {
  const user = await requirePageUser("viewer");
  const { name: rawCluster, service: rawService } = await params;
  const cluster = decodeURIComponent(rawCluster);
  const name = decodeURIComponent(rawService);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const service = await getServiceDetail(conn, context.region, cluster, name);
    if (!service) return null;
    const loadBalancing = await describeLoadBalancing(conn, context.region, service.loadBalancers.map((l) => l.targetGroupArn));
    return { service, loadBalancing };
  });
  if (!result.error && !result.data) notFound();
  const clusterHref = `/ecs/clusters/${encodeURIComponent(cluster)}`;
  return (
    <>
      <PageHeader
        title={name}
        description={`ECS service in cluster ${cluster} · ${context.region} · ${context.connectionName}`}
        breadcrumbs={[{ href: "/ecs/clusters", label: "Clusters" }, { href: clusterHref, label: cluster }, { label: name }]}
        actions={
          <div className="flex items-center gap-2">
            <ButtonLink variant="secondary" href={`/history?resource=${encodeURIComponent(`ecs:service/${cluster}/${name}`)}`}>History</ButtonLink>
            {result.data && roleAllows(user.role, "operator") && (
              <DeleteServiceButton connectionId={context.connectionId} region={context.region} cluster={cluster} serviceName={name}
                desired={result.data.service.desired} loadBalanced={result.data.service.loadBalancers.length > 0} />
            )}
          </div>
        }
      />
      {result.error ? <AwsErrorAlert error={result.error} /> : <ServiceOverview service={result.data!.service} loadBalancing={result.data!.loadBalancing} />}
    </>
  );
}
