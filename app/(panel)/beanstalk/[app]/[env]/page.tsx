import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { EnvironmentLive } from "@/components/beanstalk/environments/environment-live";
import { HealthBadge } from "@/components/beanstalk/environments/health-badge";
import { DeployForm } from "@/components/beanstalk/operations/deploy-form";
import { EnvironmentActions } from "@/components/beanstalk/operations/environment-actions";
import { EnvLogs } from "@/components/beanstalk/env-logs/env-logs";
import { SwapUrls, type SwapSide } from "@/components/beanstalk/swap-urls/swap-urls";
import { MoveToEcsLink } from "@/components/beanstalk/move-to-ecs/move-to-ecs-link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { decodeSegment } from "@/lib/core/security/segments";
import { isBusy } from "@/lib/beanstalk/environments/health";
import { suggestVersionLabel, applicationNameSchema, environmentNameSchema } from "@/lib/beanstalk/environments/names";
import { environmentView, listApplications, listVersions, type Environment } from "@/lib/beanstalk/environments/reads";

export const metadata: Metadata = { title: "Elastic Beanstalk environment" };

type Props = { params: Promise<{ app: string; env: string }> };


export default async function EnvironmentPage({ params }: Props) {
  const user = await requirePageUser("viewer");
  const raw = await params;
  const app = applicationNameSchema.safeParse(decodeSegment(raw.app) ?? "");
  const envName = environmentNameSchema.safeParse(decodeSegment(raw.env) ?? "");
  if (!app.success || !envName.success) notFound();
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(() => Promise.all([environmentView(conn, context.region, app.data, envName.data), listVersions(conn, context.region, app.data), listApplications(conn, context.region)]));
  const breadcrumbs = [{ href: "/beanstalk", label: "Elastic Beanstalk" }, { label: app.data }, { label: envName.data }];
  if (result.error) {
    return (
      <>
        <PageHeader title={envName.data} breadcrumbs={breadcrumbs} />
        <AwsErrorAlert error={result.error} />
      </>
    );
  }
  const [view, versions, applications] = result.data!;
  if (!view.environment) notFound();
  const env = view.environment;
  const canOperate = roleAllows(user.role, "operator");
  const target = { connectionId: context.connectionId, region: context.region, applicationName: app.data, environmentName: env.name };
  const side = (e: Environment): SwapSide => ({ name: e.name, cname: e.cname, versionLabel: e.versionLabel, health: e.health, healthStatus: e.healthStatus, status: e.status });
  const others = (applications.find((a) => a.name === app.data)?.environments ?? []).filter((e) => e.name !== env.name).map(side);
  return (
    <>
      <PageHeader
        title={env.name}
        description={`Elastic Beanstalk environment of ${app.data} · ${env.platform} · ${context.region}`}
        breadcrumbs={breadcrumbs}
        actions={<HealthBadge color={env.health} status={env.healthStatus} />}
      />
      <div className="space-y-4">
        {canOperate && (
          <EnvironmentActions {...target} busy={isBusy(env.status)}>
            <MoveToEcsLink applicationName={app.data} environmentName={env.name} />
          </EnvironmentActions>
        )}
        <EnvironmentLive application={app.data} environment={env.name} initial={view} />
        {canOperate && (
          <Card>
            <CardHeader title="Swap environment URLs" description="Blue/green: the two environments exchange their URLs, so the one running the new version takes the traffic." />
            <CardBody>
              <SwapUrls {...target} current={side(env)} others={others} />
            </CardBody>
          </Card>
        )}
        <Card>
          <CardHeader title="Logs" description="The instances' log files: the last 100 lines read here, or the full logs as a zip per instance." />
          <CardBody>
            <EnvLogs {...target} canRequest={canOperate} busy={env.status === "Terminating" || env.status === "Terminated"} />
          </CardBody>
        </Card>
        {canOperate && (
          <Card>
            <CardHeader title="Deploy a new version" description="Elastic Beanstalk rolls it out with the environment's deployment policy; the instances above show each batch move to it." />
            <CardBody>
              <DeployForm context={target} versions={versions.filter((v) => v.status === "PROCESSED").map((v) => ({ label: v.label, status: v.status }))} suggestedLabel={suggestVersionLabel()} />
            </CardBody>
          </Card>
        )}
      </div>
    </>
  );
}
