import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { EksClusterPage } from "@/components/eks/clusters/cluster-page";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { getEksCluster, getEksClusterContents, listKubernetesVersions } from "@/lib/eks/clusters/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return segmentTitle((name) => `EKS cluster ${name}`, (await params).name);
}

export default async function EksClusterRoute({ params }: Props) {
  const user = await requirePageUser("viewer");
  const name = pageSegment((await params).name);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const cluster = await getEksCluster(conn, context.region, name);
    if (!cluster) return null;
    const [contents, versions] = await Promise.all([getEksClusterContents(conn, context.region, name), listKubernetesVersions(conn, context.region)]);
    return { cluster, contents, versions: versions.versions };
  });
  if (!result.error && !result.data) notFound();
  if (result.error) {
    return (
      <>
        <PageHeader title={name} breadcrumbs={[{ href: "/eks/clusters", label: "EKS clusters" }, { label: name }]} />
        <AwsErrorAlert error={result.error} />
      </>
    );
  }
  return (
    <EksClusterPage
      {...result.data!}
      connection={{ id: context.connectionId, name: context.connectionName, region: context.region }}
      canOperate={roleAllows(user.role, "operator")}
      now={new Date()}
    />
  );
}
