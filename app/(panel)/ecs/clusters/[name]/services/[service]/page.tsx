import type { Metadata } from "next";
import { BEHIND_LIVE_TTL_MS } from "@/lib/core/live/shared-read";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { ServiceOverview } from "@/components/ecs/services/service-overview";
import { requirePageUser } from "@/lib/core/auth/guard";
import { getLiveServiceShared } from "@/lib/ecs/services/live";
import { getServiceDetailShared } from "@/lib/ecs/services/reads";
import { describeLoadBalancing } from "@/lib/ecs/services/load-balancers";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string; service: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return segmentTitle((name) => `Service ${name}`, (await params).service);
}

export default async function ServicePage({ params }: Props) {
  await requirePageUser("viewer");
  const { name: rawCluster, service: rawService } = await params;
  const cluster = pageSegment(rawCluster);
  const name = pageSegment(rawService);
  const working = await loadWorkingConnection();
  if (!working) return null; // the layout explains
  const { context, conn } = working;
  const result = await attempt(async () => {
    const service = await getServiceDetailShared(conn, context.region, cluster, name, BEHIND_LIVE_TTL_MS);
    if (!service) return null;
    const [loadBalancing, live] = await Promise.all([
      describeLoadBalancing(conn, context.region, service.loadBalancers.map((l) => l.targetGroupArn)),
      getLiveServiceShared(conn, context.region, cluster, name, BEHIND_LIVE_TTL_MS),
    ]);
    return { service, loadBalancing, live };
  });
  if (result.error) return <AwsErrorAlert error={result.error} />;
  if (!result.data) notFound();
  const clusterHref = `/ecs/clusters/${encodeURIComponent(cluster)}`;
  return (
    <ServiceOverview
      service={result.data.service}
      loadBalancing={result.data.loadBalancing}
      initial={result.data.live}
      streamUrl={`/api/live/service/${encodeURIComponent(cluster)}/${encodeURIComponent(name)}`}
      clusterHref={clusterHref}
    />
  );
}
