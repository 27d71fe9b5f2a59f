import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { clusterBase, clusterCrumbs } from "@/components/eks/compute/cluster-crumbs";
import { NodegroupWizard } from "@/components/eks/compute/nodegroup-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { listSubnets } from "@/lib/vpc/reads";
import { getEksClusterBasics } from "@/lib/eks/compute/reads";
import { listRolesTrusting } from "@/lib/iam/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment } from "@/lib/core/security/segments";

export const metadata: Metadata = { title: "Add node group" };

export default async function NewNodegroupPage({ params }: { params: Promise<{ name: string }> }) {
  await requirePageUser("operator");
  const name = pageSegment((await params).name);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const cluster = await getEksClusterBasics(conn, context.region, name);
    if (!cluster) return null;
    const [subnets, roles] = await Promise.all([listSubnets(conn, context.region, cluster.vpcId), listRolesTrusting(conn, ["ec2.amazonaws.com"])]);
    return { cluster, subnets, roles };
  });
  if (!result.error && !result.data) notFound();
  return (
    <>
      <PageHeader title="Add managed node group" description="EC2 nodes that EKS provisions and keeps up to date for this cluster."
        breadcrumbs={clusterCrumbs(name, { href: `${clusterBase(name)}/nodegroups`, label: "Node groups" }, { label: "Add" })} />
      {result.error ? <AwsErrorAlert error={result.error} /> : (
        <NodegroupWizard
          target={{ connectionId: context.connectionId, region: context.region, clusterName: name, version: result.data!.cluster.version }}
          roles={result.data!.roles.map(({ name, arn }) => ({ name, arn }))}
          subnets={result.data!.subnets}
        />
      )}
    </>
  );
}
