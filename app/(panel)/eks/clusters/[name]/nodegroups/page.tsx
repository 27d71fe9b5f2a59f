import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { clusterBase, clusterCrumbs } from "@/components/eks/compute/cluster-crumbs";
import { NodegroupTable } from "@/components/eks/compute/nodegroup-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { getEksClusterBasics, listNodegroups } from "@/lib/eks/compute/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment } from "@/lib/core/security/segments";

export const metadata: Metadata = { title: "Node groups" };

export default async function NodegroupsPage({ params }: { params: Promise<{ name: string }> }) {
  const user = await requirePageUser("viewer");
  const name = pageSegment((await params).name);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const cluster = await getEksClusterBasics(conn, context.region, name);
    return cluster ? { cluster, nodegroups: await listNodegroups(conn, context.region, name) } : null;
  });
  if (!result.error && !result.data) notFound();
  const add = roleAllows(user.role, "operator") ? <ButtonLink href={`${clusterBase(name)}/nodegroups/new`} variant="primary">Add node group</ButtonLink> : undefined;
  return (
    <>
      <PageHeader title="Node groups" description={`Managed EC2 nodes of ${name}.`} breadcrumbs={clusterCrumbs(name, { label: "Node groups" })} actions={add} />
      {result.error ? <AwsErrorAlert error={result.error} /> : result.data!.nodegroups.length === 0 ? (
        <EmptyState title="No node groups yet" description="Pods need nodes (or a Fargate profile) to run on." action={add} />
      ) : (
        <NodegroupTable cluster={name} nodegroups={result.data!.nodegroups} />
      )}
    </>
  );
}
