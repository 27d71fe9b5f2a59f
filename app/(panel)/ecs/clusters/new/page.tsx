import type { Metadata } from "next";
import { NoConnection } from "@/components/common/no-connection";
import { CreateClusterWizard } from "@/components/ecs/clusters/create-cluster-wizard";
import type { Ec2Options } from "@/components/ecs/clusters/ec2-capacity-fields";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { getCluster } from "@/lib/ecs/clusters/reads";
import { describeClusterCapacity, listAutoScalingGroups, listInstanceProfiles, listKeyPairs } from "@/lib/ecs/clusters/capacity";
import { describeEc2CapacitySources } from "@/lib/ecs/common/prefill-reads";
import { listSubnets, listVpcs } from "@/lib/vpc/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { listConnections } from "@/lib/core/connections/store";
import { clusterPrefill } from "@/lib/ecs/clusters/prefill";

export const metadata: Metadata = { title: "Create cluster" };

const EMPTY: Ec2Options = { networks: [], keyPairs: [], instanceProfiles: [], autoScalingGroups: [] };

export default async function NewClusterPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  await requirePageUser("operator");
  const [working, connections] = await Promise.all([loadWorkingConnection(), listConnections()]);
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  // ?from=<cluster> duplicates a cluster: the wizard starts from its capacity and settings.
  const from = (await searchParams).from?.trim();
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
  const networks = ec2.data?.networks ?? [];
  const source = from
    ? await attempt(async () => {
        const cluster = await getCluster(conn, context.region, from);
        if (!cluster) return null;
        const capacity = await describeClusterCapacity(conn, context.region, cluster.capacityProviders);
        return clusterPrefill(cluster, await describeEc2CapacitySources(conn, context.region, capacity), { networks });
      })
    : null;
  return (
    <>
      <PageHeader
        title={from ? `Duplicate cluster ${from}` : "Create cluster"}
        description="Serverless Fargate capacity, EC2 instances in an Auto Scaling group, or both."
        breadcrumbs={[{ href: "/ecs/clusters", label: "Clusters" }, { label: from ? `Duplicate ${from}` : "Create" }]}
      />
      {source?.error ? <AwsErrorAlert error={source.error} /> : null}
      {from && source && !source.error && !source.data && <p className="mb-4 text-sm text-red-700">Cluster {from} was not found; starting from the defaults.</p>}
      <CreateClusterWizard
        connections={connections.map((c) => ({ id: c.id, name: c.name, regions: c.regions }))}
        defaults={{ connectionId: context.connectionId, region: context.region }}
        ec2={ec2.data ?? EMPTY}
        prefill={source?.data ? { source: `cluster ${from}`, ...source.data } : undefined}
      />
    </>
  );
}
