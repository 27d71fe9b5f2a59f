import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { clusterBase, clusterCrumbs } from "@/components/eks/compute/cluster-crumbs";
import { FargateProfileTable } from "@/components/eks/compute/fargate-profile-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { getEksClusterBasics, listFargateProfiles } from "@/lib/eks/compute/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment } from "@/lib/core/security/segments";

export const metadata: Metadata = { title: "Fargate profiles" };

export default async function FargateProfilesPage({ params }: { params: Promise<{ name: string }> }) {
  const user = await requirePageUser("viewer");
  const name = pageSegment((await params).name);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const cluster = await getEksClusterBasics(conn, context.region, name);
    return cluster ? { profiles: await listFargateProfiles(conn, context.region, name) } : null;
  });
  if (!result.error && !result.data) notFound();
  const canOperate = roleAllows(user.role, "operator");
  const add = canOperate ? <ButtonLink href={`${clusterBase(name)}/fargate-profiles/new`} variant="primary">Add Fargate profile</ButtonLink> : undefined;
  return (
    <>
      <PageHeader title="Fargate profiles" description={`Which pods of ${name} run on AWS Fargate.`} breadcrumbs={clusterCrumbs(name, { label: "Fargate profiles" })} actions={add} />
      {result.error ? <AwsErrorAlert error={result.error} /> : result.data!.profiles.length === 0 ? (
        <EmptyState title="No Fargate profiles yet" description="Without one, every pod needs a node group to run on." action={add} />
      ) : (
        <FargateProfileTable target={{ connectionId: context.connectionId, region: context.region, clusterName: name }} profiles={result.data!.profiles} canOperate={canOperate} />
      )}
    </>
  );
}
