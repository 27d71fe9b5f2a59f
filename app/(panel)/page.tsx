import type { Metadata } from "next";
import { BEHIND_LIVE_TTL_MS } from "@/lib/core/live/shared-read";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { FleetOverview } from "@/components/overview/fleet-overview";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { readOverviewShared } from "@/lib/ecs/services/fleet-live";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const user = await requirePageUser("viewer");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(() => readOverviewShared(conn, context.region, BEHIND_LIVE_TTL_MS));
  return (
    <>
      <PageHeader title="Overview" description={`Clusters and service health in ${context.region} · ${context.connectionName}`} />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <FleetOverview initial={result.data!} region={context.region} canCreate={roleAllows(user.role, "operator")} />
      )}
    </>
  );
}
