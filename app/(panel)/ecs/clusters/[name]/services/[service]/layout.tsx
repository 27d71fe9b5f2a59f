import type { ReactNode } from "react";
import { BEHIND_LIVE_TTL_MS } from "@/lib/core/live/shared-read";
import { NoConnection } from "@/components/common/no-connection";
import { DeleteServiceButton } from "@/components/ecs/services/delete-service-button";
import { DuplicateServiceLink } from "@/components/ecs/services/duplicate-link";
import { ServiceTabs } from "@/components/ecs/services/service-tabs";
import { ServiceActions } from "@/components/ecs/services/actions/service-actions";
import { ProposalBanners } from "@/components/ecr/deploy-on-push/proposal-banner";
import { proposalRows } from "@/lib/ecr/deploy-on-push/view";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { getServiceDetailShared } from "@/lib/ecs/services/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string; service: string }>; children: ReactNode };

/**
 * Header and section tabs shared by every view of one service (overview, logs, metrics, history).
 * The service read is shared with the page through the live cache, so this costs no extra call.
 */
export default async function ServiceLayout({ params, children }: Props) {
  const user = await requirePageUser("viewer");
  const { name: rawCluster, service: rawService } = await params;
  const cluster = pageSegment(rawCluster);
  const name = pageSegment(rawService);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const found = await attempt(() => getServiceDetailShared(conn, context.region, cluster, name, BEHIND_LIVE_TTL_MS));
  const service = found.data ?? null;
  const clusterHref = `/ecs/clusters/${encodeURIComponent(cluster)}`;
  const base = `${clusterHref}/services/${encodeURIComponent(name)}`;
  const canOperate = roleAllows(user.role, "operator");
  const target = { connectionId: context.connectionId, region: context.region, cluster, service: name };
  const proposals = service ? await proposalRows(target) : [];
  return (
    <>
      <PageHeader
        title={name}
        description={`ECS service in cluster ${cluster} · ${context.region} · ${context.connectionName}`}
        breadcrumbs={[{ href: "/ecs/clusters", label: "Clusters" }, { href: clusterHref, label: cluster }, { label: name }]}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {service && canOperate && (
              <ServiceActions target={{ connectionId: context.connectionId, region: context.region, cluster, service: name }}
                desired={service.desired} taskDefinition={service.taskDefinition} />
            )}
            {service && canOperate && <DuplicateServiceLink cluster={cluster} service={name} />}
            <ButtonLink variant="secondary" href={`/history?resource=${encodeURIComponent(`ecs:service/${cluster}/${name}`)}`}>All history</ButtonLink>
            {service && canOperate && (
              <DeleteServiceButton connectionId={context.connectionId} region={context.region} cluster={cluster} serviceName={name}
                desired={service.desired} />
            )}
          </div>
        }
      />
      <ProposalBanners proposals={proposals} target={target} canOperate={canOperate} />
      {service && <ServiceTabs base={base} />}
      {children}
    </>
  );
}
