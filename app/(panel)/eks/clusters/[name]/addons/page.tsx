import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { AvailableAddons, InstalledAddons } from "@/components/eks/compute/addon-tables";
import { clusterCrumbs } from "@/components/eks/compute/cluster-crumbs";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { getEksClusterBasics, listAddons, listAvailableAddons } from "@/lib/eks/compute/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment } from "@/lib/core/security/segments";

export const metadata: Metadata = { title: "Add-ons" };

export default async function AddonsPage({ params }: { params: Promise<{ name: string }> }) {
  const user = await requirePageUser("viewer");
  const name = pageSegment((await params).name);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const cluster = await getEksClusterBasics(conn, context.region, name);
    if (!cluster) return null;
    const [addons, available] = await Promise.all([listAddons(conn, context.region, name), listAvailableAddons(conn, context.region, cluster.version)]);
    return { cluster, addons, available };
  });
  if (!result.error && !result.data) notFound();
  const canOperate = roleAllows(user.role, "operator");
  const target = { connectionId: context.connectionId, region: context.region, clusterName: name };
  const data = result.data;
  return (
    <>
      <PageHeader title="Add-ons" description={data ? `Operational software EKS installs and updates on ${name} (Kubernetes ${data.cluster.version}).` : undefined}
        breadcrumbs={clusterCrumbs(name, { label: "Add-ons" })} />
      {result.error ? <AwsErrorAlert error={result.error} /> : (
        <div className="space-y-5">
          <Card>
            <CardHeader title="Installed" />
            <CardBody>
              {data!.addons.length === 0 ? <p className="text-sm text-ink-muted">No add-ons installed yet.</p> : (
                <InstalledAddons target={target} addons={data!.addons} available={data!.available} canOperate={canOperate} />
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Available" description={`Add-ons with versions that run on Kubernetes ${data!.cluster.version}; the default version is preselected.`} />
            <CardBody><AvailableAddons target={target} available={data!.available} installed={data!.addons.map((a) => a.name)} version={data!.cluster.version} canOperate={canOperate} /></CardBody>
          </Card>
        </div>
      )}
    </>
  );
}
