import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { clusterBase, clusterCrumbs } from "@/components/eks/compute/cluster-crumbs";
import { NodegroupOverview, UpdateHistory } from "@/components/eks/compute/nodegroup-detail";
import { RunPlanButton } from "@/components/eks/compute/run-plan-button";
import { ScalingForm } from "@/components/eks/compute/scaling-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { roleAllows } from "@/lib/core/auth/roles";
import { deleteNodegroupAction, previewDeleteNodegroupAction } from "@/lib/eks/compute/actions";
import { getNodegroup, listUpdates } from "@/lib/eks/compute/reads";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { pageSegment, segmentTitle } from "@/lib/core/security/segments";

type Props = { params: Promise<{ name: string; ng: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return segmentTitle((name) => `Node group ${name}`, (await params).ng);
}

export default async function NodegroupPage({ params }: Props) {
  const user = await requirePageUser("viewer");
  const p = await params;
  const name = pageSegment(p.name);
  const ngName = pageSegment(p.ng);
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const result = await attempt(async () => {
    const ng = await getNodegroup(conn, context.region, name, ngName);
    return ng ? { ng, updates: await listUpdates(conn, context.region, name, { nodegroupName: ngName }) } : null;
  });
  if (!result.error && !result.data) notFound();
  const canOperate = roleAllows(user.role, "operator");
  const target = { connectionId: context.connectionId, region: context.region, clusterName: name, nodegroupName: ngName };
  const data = result.data;
  return (
    <>
      <PageHeader title={ngName} description={`Managed node group of ${name}.`}
        breadcrumbs={clusterCrumbs(name, { href: `${clusterBase(name)}/nodegroups`, label: "Node groups" }, { label: ngName })}
        actions={canOperate && data ? (
          <RunPlanButton label="Delete" title={`Delete node group ${ngName}?`} confirmLabel="Delete node group" requireText={ngName} fields={target}
            preview={previewDeleteNodegroupAction} action={deleteNodegroupAction} disabled={data.ng.status === "DELETING"}
            description="EKS drains and terminates every node of this group; pods on them are rescheduled elsewhere if they can be." />
        ) : undefined} />
      {result.error ? <AwsErrorAlert error={result.error} /> : (
        <div className="space-y-5">
          <NodegroupOverview ng={data!.ng} />
          {canOperate && (
            <Card>
              <CardHeader title="Scaling" description="Change the node count limits; EKS applies it as an update to the node group's Auto Scaling group." />
              <CardBody><ScalingForm target={target} scaling={data!.ng.scaling} disabled={data!.ng.status !== "ACTIVE"} /></CardBody>
            </Card>
          )}
          <Card>
            <CardHeader title="Update history" description="Version, configuration and scaling changes EKS has applied to this node group." />
            <CardBody><UpdateHistory updates={data!.updates} /></CardBody>
          </Card>
        </div>
      )}
    </>
  );
}
