import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { DeleteExpressButton } from "@/components/express/delete-express-button";
import { ExpressOverview } from "@/components/express/express-overview";
import { UpdateExpressForm } from "@/components/express/update-express-form";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { getExpressService } from "@/lib/express/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { expressResource } from "@/lib/express/plan";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";

type Props = { params: Promise<{ cluster: string; service: string }> };

async function names(params: Props["params"]) {
  const p = await params;
  return { cluster: pageSegment(p.cluster), service: pageSegment(p.service) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return segmentTitle((name) => `Express service ${name}`, (await params).service);
}

export default async function ExpressServicePage({ params }: Props) {
  const user = await requirePageUser("viewer");
  const { cluster, service } = await names(params);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(() => getExpressService(conn, context.region, cluster, service));
  if (!result.error && !result.data) notFound();
  const canOperate = roleAllows(user.role, "operator");
  const svc = result.data;
  return (
    <>
      <PageHeader
        title={service}
        description={`Express Mode service in cluster ${cluster} · ${context.region} · ${context.connectionName}`}
        breadcrumbs={[{ href: "/ecs/express", label: "Express Mode" }, { label: service }]}
        actions={
          <>
            <ButtonLink variant="secondary" href={`/history?resource=${encodeURIComponent(expressResource(service))}`}>History</ButtonLink>
            {svc && canOperate && (
              <DeleteExpressButton connectionId={context.connectionId} region={context.region} serviceArn={svc.arn} serviceName={svc.name} cluster={cluster} />
            )}
          </>
        }
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <div className="space-y-5">
          <ExpressOverview service={svc!} />
          {canOperate && svc!.settings && (
            <UpdateExpressForm
              connectionId={context.connectionId}
              region={context.region}
              serviceArn={svc!.arn}
              serviceName={svc!.name}
              cluster={cluster}
              current={svc!.settings}
            />
          )}
        </div>
      )}
    </>
  );
}
