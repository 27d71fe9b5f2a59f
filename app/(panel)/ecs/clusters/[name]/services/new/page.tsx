import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsErrorAlert } from "@/components/common/aws-error";
import { NoConnection } from "@/components/common/no-connection";
import { CreateServiceWizard } from "@/components/ecs/services/create-service-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { listSecurityGroups, listSubnets, listVpcs } from "@/lib/vpc/reads";
import { getCluster } from "@/lib/ecs/clusters/reads";
import { getTaskDefinitionInfo, listTaskDefinitionRevisions } from "@/lib/ecs/services/reads";
import { describeServiceSource, vpcOfSubnet } from "@/lib/ecs/common/prefill-reads";
import { describeLoadBalancing, listLoadBalancers } from "@/lib/ecs/services/load-balancers";
import { attempt, loadWorkingConnection } from "@/lib/core/connections/load";
import { servicePrefill } from "@/lib/ecs/services/prefill";
import { portsideService } from "@/lib/ecs/self-hosting/prefill";
import { familySchema } from "@/lib/ecs/task-definitions/schema";
import { pageSegment } from "@/lib/core/security/segments";
import { listDeploymentAlarmsShared } from "@/lib/ecs/deployment-strategy/reads";

export const metadata: Metadata = { title: "Create service" };

type Props = { params: Promise<{ name: string }>; searchParams: Promise<{ taskDefinition?: string; from?: string; portside?: string }> };

export default async function NewServicePage({ params, searchParams }: Props) {
  await requirePageUser("operator");
  const name = pageSegment((await params).name);
  const query = await searchParams;
  // ?from=<service> duplicates a service of this cluster: the wizard starts from its settings.
  const from = query.from?.trim();
  const working = await loadWorkingConnection();
  if (!working) return <NoConnection />;
  const { context, conn } = working;
  const region = context.region;
  const result = await attempt(async () => {
    const cluster = await getCluster(conn, region, name);
    if (!cluster) return null;
    const [revisions, vpcs, loadBalancers, alarms, source] = await Promise.all([
      listTaskDefinitionRevisions(conn, region), listVpcs(conn, region), listLoadBalancers(conn, region), listDeploymentAlarmsShared(conn, region),
      from ? describeServiceSource(conn, region, name, from) : null,
    ]);
    const sourceSubnet = source?.networkConfiguration?.awsvpcConfiguration?.subnets?.[0];
    const targetGroups = (source?.loadBalancers ?? []).map((l) => l.targetGroupArn ?? "").filter(Boolean);
    const [sourceVpc, loadBalancing] = await Promise.all([
      sourceSubnet ? vpcOfSubnet(conn, region, sourceSubnet) : null,
      // A target group deleted since is reported as not carried over, not as a page error.
      targetGroups.length ? describeLoadBalancing(conn, region, targetGroups).catch(() => []) : [],
    ]);
    // ?portside=1 (Settings → Run Portside on AWS): Portside's own service for the family in ?taskDefinition.
    const family = familySchema.safeParse(query.taskDefinition ?? "");
    const prefill = source
      ? servicePrefill(source, { clusterProviders: cluster.capacityProviders, vpcId: sourceVpc ?? "", loadBalancing })
      : query.portside === "1" && family.success ? portsideService(family.data) : null;
    const wanted = prefill?.values.taskDefinition || query.taskDefinition;
    // ?taskDefinition=family:rev (or a family, meaning its latest) preselects; else the newest revision.
    const preselected = wanted && (revisions.includes(wanted) ? wanted : revisions.find((r) => r.startsWith(`${wanted}:`)));
    const taskDefinition = preselected || revisions[0] || "";
    if (prefill?.values.taskDefinition && wanted && !revisions.includes(wanted)) {
      prefill.notes.push(`Task definition ${wanted} is no longer active: pick a revision.`);
      delete prefill.values.taskDefinition;
    }
    const vpc = vpcs.find((v) => v.id === sourceVpc) ?? vpcs.find((v) => v.isDefault) ?? vpcs[0];
    const [td, subnets, securityGroups] = await Promise.all([
      taskDefinition ? getTaskDefinitionInfo(conn, region, taskDefinition) : null,
      vpc ? listSubnets(conn, region, vpc.id) : [],
      vpc ? listSecurityGroups(conn, region, vpc.id) : [],
    ]);
    return { cluster, revisions, vpcs, loadBalancers, alarms, taskDefinition, td, network: { subnets, securityGroups }, prefill };
  });
  if (!result.error && !result.data) notFound();
  const clusterHref = `/ecs/clusters/${encodeURIComponent(name)}`;
  return (
    <>
      <PageHeader
        title={from ? `Duplicate service ${from}` : "Create service"}
        description={`Run and keep running a task definition in cluster ${name}, optionally behind an Application Load Balancer.`}
        breadcrumbs={[{ href: "/ecs/clusters", label: "Clusters" }, { href: clusterHref, label: name }, { label: from ? "Duplicate service" : "Create service" }]}
      />
      {from && result.data && !result.data.prefill && <p className="mb-4 text-sm text-red-700">Service {from} was not found in {name}; starting from the defaults.</p>}
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
          alarms={result.data!.alarms}
          prefill={result.data!.prefill ? { source: from ? `service ${from}` : "Run Portside on AWS", ...result.data!.prefill } : undefined}
          loadBalancers={result.data!.loadBalancers.map(({ arn, name: n, scheme, vpcId, securityGroups, dnsName }) => ({ arn, name: n, scheme, vpcId, securityGroups, dnsName }))}
        />
      )}
    </>
  );
}
