import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { expressWizardHref } from "@/components/apprunner/express-link";
import { LogPanel } from "@/components/apprunner/log-panel";
import { MoveToExpress } from "@/components/apprunner/move-to-express";
import { RegionUnavailable } from "@/components/apprunner/notices";
import { AppRunnerOperations } from "@/components/apprunner/operations-table";
import { RefreshControl } from "@/components/apprunner/refresh";
import { AppRunnerServiceActions } from "@/components/apprunner/service-actions";
import { AppRunnerServiceOverview } from "@/components/apprunner/service-overview";
import { isInProgress } from "@/components/apprunner/status";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { findExpressSuccessor } from "@/lib/apprunner/express-successor";
import { toExpress } from "@/lib/apprunner/to-express";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { getAppRunnerService, listAppRunnerOperations } from "@/lib/apprunner/reads";
import { isAppRunnerRegion } from "@/lib/apprunner/regions";
import { listExpressServices } from "@/lib/express/reads";
import { tailLogGroup } from "@/lib/ecs/logs/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { AwsOperationError } from "@/lib/core/errors";
import { appRunnerResource } from "@/lib/apprunner/plan";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return segmentTitle((name) => `App Runner ${name}`, (await params).name);
}

const LOG_LINES = 100;
const logMessage = (error: unknown) => (error instanceof AwsOperationError ? error.message : "The log group could not be read.");

export default async function AppRunnerServicePage({ params }: Props) {
  const user = await requirePageUser("viewer");
  const name = pageSegment((await params).name);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const breadcrumbs = [{ href: "/apprunner", label: "App Runner" }, { label: name }];
  if (!isAppRunnerRegion(context.region)) {
    return (
      <>
        <PageHeader title={name} breadcrumbs={breadcrumbs} />
        <RegionUnavailable region={context.region} />
      </>
    );
  }
  const result = await attempt(() => getAppRunnerService(conn, context.region, name));
  if (!result.error && !result.data) notFound();
  const service = result.data;
  // App Runner names its log groups /aws/apprunner/<service name>/<service id>/{service,application}.
  const logBase = service ? `/aws/apprunner/${service.name}/${service.id}` : "";
  const [operations, serviceLog, appLog] = service
    ? await Promise.all([
        attempt(() => listAppRunnerOperations(conn, context.region, service.arn)),
        attempt(() => tailLogGroup(conn, context.region, `${logBase}/service`, { limit: LOG_LINES })),
        attempt(() => tailLogGroup(conn, context.region, `${logBase}/application`, { limit: LOG_LINES })),
      ])
    : [null, null, null];
  const canOperate = roleAllows(user.role, "operator");
  // A successor is only looked for when the move can go on: an operator, and no operation running.
  const express = service && canOperate && !isInProgress(service.status) ? await attempt(() => listExpressServices(conn, context.region)) : null;
  const successor = service && express?.data ? findExpressSuccessor(service.name, express.data) : null;
  const target = service && { connectionId: context.connectionId, region: context.region, serviceArn: service.arn, serviceName: service.name };

  return (
    <>
      <PageHeader
        title={name}
        description={`App Runner service in ${context.region} · ${context.connectionName}`}
        breadcrumbs={breadcrumbs}
        actions={
          <>
            {service && <RefreshControl auto={isInProgress(service.status)} />}
            <ButtonLink variant="secondary" size="sm" href={`/history?resource=${encodeURIComponent(appRunnerResource(name))}`}>History</ButtonLink>
          </>
        }
      />
      {!service ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <div className="space-y-5">
          {canOperate && (
            <AppRunnerServiceActions status={service.status} target={target!} />
          )}
          <AppRunnerServiceOverview service={service} />
          {canOperate && <MoveToExpress prefillHref={expressWizardHref(toExpress(service))} status={service.status} target={target!} successor={successor} />}
          {operations?.data ? <AppRunnerOperations operations={operations.data} /> : <AwsErrorAlert error={operations?.error} title="Operations could not be read" />}
          <div className="grid gap-5 xl:grid-cols-2">
            <LogPanel title="Service log" description={`${logBase}/service`} tail={serviceLog?.data ?? null} error={serviceLog?.error ? logMessage(serviceLog.error) : undefined} />
            <LogPanel title="Application log" description={`${logBase}/application`} tail={appLog?.data ?? null} error={appLog?.error ? logMessage(appLog.error) : undefined} />
          </div>
        </div>
      )}
    </>
  );
}
