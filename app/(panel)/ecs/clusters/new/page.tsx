import type { Metadata } from "next";
import { NoConnection } from "@/components/common/no-connection";
import { CreateClusterWizard } from "@/components/ecs/create-cluster-wizard";
import type { Ec2Options } from "@/components/ecs/ec2-capacity-fields";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { listAutoScalingGroups, listInstanceProfiles, listKeyPairs } from "@/lib/aws/ecs-capacity";
import { listSubnets, listVpcs } from "@/lib/aws/ec2-network";
import { attempt, loadWorkingConnection } from "@/lib/connections/load";
import { listConnections } from "@/lib/connections/store";

export const metadata: Metadata = { title: "Create cluster" };

const EMPTY: Ec2Options = { networks: [], keyPairs: [], instanceProfiles: [], autoScalingGroups: [] };

export default async function NewClusterPage() {
  await requirePageUser("operator");
  const [working, connections] = await Promise.all([loadWorkingConnection(), listConnections()]);
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  // The EC2 pickers are optional: a Fargate cluster needs none of them, so a failed read leaves them empty.
  const ec2 = await attempt(async (): Promise<Ec2Options> => {
    const [vpcs, keyPairs, instanceProfiles, groups] = await Promise.all([
      listVpcs(conn, context.region),
      listKeyPairs(conn, context.region),
      listInstanceProfiles(conn),
      listAutoScalingGroups(conn, context.region),
    ]);
    const networks = await Promise.all(
      vpcs.map(async (v) => ({
        id: v.id,
        label: `${v.name || v.id} (${v.cidr})${v.isDefault ? " · default" : ""}`,
        subnets: (await listSubnets(conn, context.region, v.id)).map((s) => ({ id: s.id, label: `${s.id} · ${s.az} · ${s.public ? "public" : "private"}` })),
      })),
    );
    return {
      networks,
      keyPairs,
      instanceProfiles,
      autoScalingGroups: groups.map((g) => ({ name: g.name, arn: g.arn, label: `${g.name} (min ${g.min}, max ${g.max}, desired ${g.desired})` })),
    };
  });
  return (
    <>
      <PageHeader
        title="Create cluster"
        description="Serverless Fargate capacity, EC2 instances in an Auto Scaling group, or both."
        breadcrumbs={[{ href: "/ecs/clusters", label: "Clusters" }, { label: "Create" }]}
      />
      <CreateClusterWizard
        connections={connections.map((c) => ({ id: c.id, name: c.name, regions: c.regions }))}
        defaults={{ connectionId: context.connectionId, region: context.region }}
        ec2={ec2.data ?? EMPTY}
      />
    </>
  );
}
