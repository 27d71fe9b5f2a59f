import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { CreateServiceWizard } from "@/components/ecs-service/create-service-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { listSecurityGroups, listSubnets, listVpcs } from "@/lib/aws/ec2-network";
import { getCluster } from "@/lib/aws/ecs";
import { getTaskDefinitionInfo, listTaskDefinitionRevisions } from "@/lib/aws/ecs-service-detail";
import { listLoadBalancers } from "@/lib/aws/elbv2";
import { attempt, loadWorkingConnection } from "@/lib/connections/load";

export const metadata: Metadata = { title: "Create service" };

type Props = { params: Promise<{ name: string }>; searchParams: Promise<{ taskDefinition?: string }> };

export default async function NewServicePage({ params, searchParams }: Props) {
  await requirePageUser("operator");
  const name = decodeURIComponent((await params).name);
  const wanted = (await searchParams).taskDefinition;
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const region = context.region;
  const result = await attempt(async () => {
    const cluster = await getCluster(conn, region, name);
    if (!cluster) return null;
    const [revisions, vpcs, loadBalancers] = await Promise.all([listTaskDefinitionRevisions(conn, region), listVpcs(conn, region), listLoadBalancers(conn, region)]);
    // ?taskDefinition=family:rev (or a family, meaning its latest) preselects; else the newest revision.
    const preselected = wanted && (revisions.includes(wanted) ? wanted : revisions.find((r) => r.startsWith(`${wanted}:`)));
    const taskDefinition = preselected || revisions[0] || "";
    const vpc = vpcs.find((v) => v.isDefault) ?? vpcs[0];
    const [td, subnets, securityGroups] = await Promise.all([
      taskDefinition ? getTaskDefinitionInfo(conn, region, taskDefinition) : null,
      vpc ? listSubnets(conn, region, vpc.id) : [],
      vpc ? listSecurityGroups(conn, region, vpc.id) : [],
    ]);
    return { cluster, revisions, vpcs, loadBalancers, taskDefinition, td, network: { subnets, securityGroups } };
  });
  if (!result.error && !result.data) notFound();
  const clusterHref = `/ecs/clusters/${encodeURIComponent(name)}`;
  return (
    <>
      <PageHeader
        title="Create service"
        description={`Run and keep running a task definition in cluster ${name}, optionally behind an Application Load Balancer.`}
        breadcrumbs={[{ href: "/ecs/clusters", label: "Clusters" }, { href: clusterHref, label: name }, { label: "Create service" }]}
      />
      {result.error ? (
        <AwsErrorAlert error={result.error} />
      ) : (
        <CreateServiceWizard
          connection={{ id: context.connectionId, name: context.connectionName, region }}
          cluster={{
            name,
            capacityProviders: result.data!.cluster.capacityProviders,
            strategy: result.data!.cluster.capacityProviders.map((p) => {
              const d = result.data!.cluster.defaultStrategy.find((s) => s.capacityProvider === p);
              return { capacityProvider: p, weight: String(d?.weight ?? 0), base: String(d?.base ?? 0) };
            }),
          }}
          revisions={result.data!.revisions}
          taskDefinition={result.data!.taskDefinition}
          td={result.data!.td}
          vpcs={result.data!.vpcs}
          network={result.data!.network}
          loadBalancers={result.data!.loadBalancers.map(({ arn, name: n, scheme, vpcId, securityGroups, dnsName }) => ({ arn, name: n, scheme, vpcId, securityGroups, dnsName }))}
        />
      )}
    </>
  );
}
