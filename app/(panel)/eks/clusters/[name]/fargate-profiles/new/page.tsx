import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { clusterBase, clusterCrumbs } from "@/components/eks/compute/cluster-crumbs";
import { FargateProfileWizard } from "@/components/eks/compute/fargate-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { listSubnets } from "@/lib/vpc/reads";
import { getEksClusterBasics } from "@/lib/eks/compute/reads";
import { listRolesTrusting } from "@/lib/iam/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { FARGATE_ROLE } from "@/lib/eks/fargate-profiles/schema";
import { pageSegment } from "@/lib/core/security/segments";

export const metadata: Metadata = { title: "Add Fargate profile" };

export default async function NewFargateProfilePage({ params }: { params: Promise<{ name: string }> }) {
  await requirePageUser("operator");
  const name = pageSegment((await params).name);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const cluster = await getEksClusterBasics(conn, context.region, name);
    if (!cluster) return null;
    const [subnets, roles] = await Promise.all([listSubnets(conn, context.region, cluster.vpcId), listRolesTrusting(conn, [FARGATE_ROLE.principal])]);
    return { subnets, roles };
  });
  if (!result.error && !result.data) notFound();
  return (
    <>
      <PageHeader title="Add Fargate profile" description="Run matching pods on AWS Fargate, with no nodes to manage."
        breadcrumbs={clusterCrumbs(name, { href: `${clusterBase(name)}/fargate-profiles`, label: "Fargate profiles" }, { label: "Add" })} />
      {result.error ? <AwsErrorAlert error={result.error} /> : (
        <FargateProfileWizard target={{ connectionId: context.connectionId, region: context.region, clusterName: name }}
          roles={result.data!.roles.map(({ name, arn }) => ({ name, arn }))} subnets={result.data!.subnets} />
      )}
    </>
  );
}
