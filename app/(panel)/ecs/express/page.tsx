import type { Metadata } from "next";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { ExpressTable } from "@/components/express/express-table";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { listExpressServices } from "@/lib/express/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";

export const metadata: Metadata = { title: "Express Mode services" };

export default async function ExpressServicesPage() {
  const user = await requirePageUser("viewer");
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(() => listExpressServices(conn, context.region));
  const canCreate = roleAllows(user.role, "operator");
  return (
    <>
      <PageHeader
        title="Express Mode"
        description={`ECS Express Mode services in ${context.region} · ${context.connectionName}: web services from an image, with a URL and auto scaling.`}
        actions={canCreate && <ButtonLink href="/ecs/express/new" variant="primary">Create Express service</ButtonLink>}
      />
      {result.data ? <ExpressTable services={result.data} canCreate={canCreate} /> : <AwsErrorAlert error={result.error} />}
    </>
  );
}
