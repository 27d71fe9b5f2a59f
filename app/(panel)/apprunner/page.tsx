import type { Metadata } from "next";
import { AppRunnerServiceTable } from "@/components/apprunner/service-table";
import { NewCustomersBanner, RegionUnavailable } from "@/components/apprunner/notices";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { listAppRunnerServices } from "@/lib/apprunner/reads";
import { isAppRunnerRegion } from "@/lib/apprunner/regions";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";

export const metadata: Metadata = { title: "App Runner services" };

export default async function AppRunnerServicesPage() {
  const user = await requirePageUser("viewer");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const offered = isAppRunnerRegion(context.region);
  const result = offered ? await attempt(() => listAppRunnerServices(conn, context.region)) : null;
  const canCreate = roleAllows(user.role, "operator");
  return (
    <>
      <PageHeader
        title="App Runner services"
        description={`AWS App Runner in ${context.region} · ${context.connectionName}`}
        actions={canCreate && offered && <ButtonLink href="/apprunner/new" variant="secondary">Create service</ButtonLink>}
      />
      <div className="space-y-5">
        <NewCustomersBanner />
        {!result ? (
          <RegionUnavailable region={context.region} />
        ) : result.data ? (
          <AppRunnerServiceTable services={result.data} canCreate={canCreate} />
        ) : (
          <AwsErrorAlert error={result.error} />
        )}
      </div>
    </>
  );
}
