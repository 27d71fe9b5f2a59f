import type { Metadata } from "next";
import { CreateAppRunnerWizard } from "@/components/apprunner/create-service-wizard";
import { NewCustomersBanner, RegionUnavailable } from "@/components/apprunner/notices";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { listScalingConfigurations } from "@/lib/apprunner/reads";
import { isAppRunnerRegion } from "@/lib/apprunner/regions";
import { listRolesTrusting } from "@/lib/iam/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";

const ACCESS_PRINCIPAL = "build.apprunner.amazonaws.com";
const INSTANCE_PRINCIPAL = "tasks.apprunner.amazonaws.com";

export const metadata: Metadata = { title: "Create App Runner service" };

export default async function NewAppRunnerServicePage() {
  await requirePageUser("operator");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const offered = isAppRunnerRegion(context.region);
  // The existing-configuration picker; the wizard still works with a custom one if this read fails.
  const [scaling, roles] = offered
    ? await Promise.all([
        attempt(() => listScalingConfigurations(conn, context.region)),
        // ECR access roles are trusted by build.apprunner, instance roles by tasks.apprunner. Suggestions only.
        attempt(() => listRolesTrusting(conn, [ACCESS_PRINCIPAL, INSTANCE_PRINCIPAL])),
      ])
    : [null, null];
  const trusting = (principal: string) => (roles?.data ?? []).filter((r) => r.principals.includes(principal)).map(({ name, arn }) => ({ name, arn }));
  return (
    <>
      <PageHeader
        title="Create App Runner service"
        description={`A web service from a container image, in ${context.region} · ${context.connectionName}. Switch region at the top.`}
        breadcrumbs={[{ href: "/apprunner", label: "App Runner" }, { label: "Create" }]}
      />
      <div className="space-y-5">
        <NewCustomersBanner />
        {!offered ? (
          <RegionUnavailable region={context.region} />
        ) : (
          <>
            {scaling?.error !== undefined && <AwsErrorAlert error={scaling.error} title="Existing auto scaling configurations could not be listed" />}
            <CreateAppRunnerWizard
              defaults={{ connectionId: context.connectionId, region: context.region }}
              scalingOptions={scaling?.data ?? []}
              roles={{ access: trusting(ACCESS_PRINCIPAL), instance: trusting(INSTANCE_PRINCIPAL) }}
            />
          </>
        )}
      </div>
    </>
  );
}
