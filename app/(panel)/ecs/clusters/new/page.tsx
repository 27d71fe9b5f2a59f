import type { Metadata } from "next";
import { NoConnection } from "@/components/common/no-connection";
import { CreateClusterWizard } from "@/components/ecs/create-cluster-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { getWorkingContext } from "@/lib/connections/context";
import { listConnections } from "@/lib/connections/store";

export const metadata: Metadata = { title: "Create cluster" };

export default async function NewClusterPage() {
  await requirePageUser("operator");
  const [context, connections] = await Promise.all([getWorkingContext(), listConnections()]);
  if (!context) return <NoConnection />;
  return (
    <>
      <PageHeader
        title="Create cluster"
        description="A Fargate cluster: serverless capacity for your services and tasks."
        breadcrumbs={[{ href: "/ecs/clusters", label: "Clusters" }, { label: "Create" }]}
      />
      <CreateClusterWizard
        connections={connections.map((c) => ({ id: c.id, name: c.name, regions: c.regions }))}
        defaults={{ connectionId: context.connectionId, region: context.region }}
      />
    </>
  );
}
