import "server-only";
import { sharedGlobalReader, sharedReader } from "@/lib/core/live/shared-read";
import { DescribeAutoScalingGroupsCommand, paginateDescribeAutoScalingGroups, type AutoScalingGroup } from "@aws-sdk/client-auto-scaling";
import { DescribeKeyPairsCommand } from "@aws-sdk/client-ec2";
import { DescribeCapacityProvidersCommand } from "@aws-sdk/client-ecs";
import { paginateListInstanceProfiles } from "@aws-sdk/client-iam";
import type { TeardownTarget } from "@/lib/ecs/clusters/teardown";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { getCluster, listServices } from "./reads";
import { guarded } from "@/lib/core/aws/guarded";

/**
 * EC2 capacity behind ECS clusters: capacity providers joined with their Auto Scaling
 * groups, and the pickers the cluster wizard needs (groups, key pairs, instance profiles).
 * The ECS-optimized AMI is not looked up here: launch templates take AWS's public SSM
 * parameter as the image id (resolve:ssm:…), the way the ECS console does.
 */
export type AsgSummary = {
  name: string;
  arn: string;
  min: number;
  max: number;
  desired: number;
  instances: number;
  launchTemplateId: string | null;
  launchTemplateName: string | null;
};

export type CapacityProviderSummary = {
  name: string;
  status: string;
  autoScalingGroupArn: string;
  managedScaling: {
    status: string;
    targetCapacity: number | null;
    minimumScalingStepSize: number | null;
    maximumScalingStepSize: number | null;
    instanceWarmupPeriod: number | null;
  };
  managedTerminationProtection: string;
  group: AsgSummary | null;
};

function toAsg(g: AutoScalingGroup): AsgSummary {
  const lt = g.LaunchTemplate ?? g.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
  return {
    name: g.AutoScalingGroupName ?? "",
    arn: g.AutoScalingGroupARN ?? "",
    min: g.MinSize ?? 0,
    max: g.MaxSize ?? 0,
    desired: g.DesiredCapacity ?? 0,
    instances: g.Instances?.length ?? 0,
    launchTemplateId: lt?.LaunchTemplateId ?? null,
    launchTemplateName: lt?.LaunchTemplateName ?? null,
  };
}

/** ASG names sit at the end of their ARN: …:autoScalingGroupName/<name>. */
export const asgNameOf = (arn: string) => arn.split(":autoScalingGroupName/")[1] ?? arn;

/** Every Auto Scaling group in the region (100 per page, the API maximum). */
async function listAutoScalingGroupsFromAws(conn: ConnectionSettings, region: string): Promise<AsgSummary[]> {
  const client = awsClient(conn, region, "autoscaling");
  return guarded(conn, "autoscaling", "DescribeAutoScalingGroups", async () => {
    const out: AsgSummary[] = [];
    for await (const page of paginateDescribeAutoScalingGroups({ client, pageSize: 100 }, {})) out.push(...(page.AutoScalingGroups ?? []).map(toAsg));
    return out.sort((a, b) => a.name.localeCompare(b.name));
  });
}

/** A cluster's ASG-backed capacity providers with their groups (FARGATE and FARGATE_SPOT are skipped). */
async function describeClusterCapacityFromAws(conn: ConnectionSettings, region: string, providerNames: string[]): Promise<CapacityProviderSummary[]> {
  const names = providerNames.filter((n) => n !== "FARGATE" && n !== "FARGATE_SPOT");
  if (names.length === 0) return [];
  const ecs = awsClient(conn, region, "ecs");
  const out = await guarded(conn, "ecs", "DescribeCapacityProviders", () => ecs.send(new DescribeCapacityProvidersCommand({ capacityProviders: names })));
  const providers = out.capacityProviders ?? [];
  const groupNames = providers.map((p) => asgNameOf(p.autoScalingGroupProvider?.autoScalingGroupArn ?? "")).filter(Boolean);
  const groups = groupNames.length
    ? await guarded(conn, "autoscaling", "DescribeAutoScalingGroups", () =>
        awsClient(conn, region, "autoscaling").send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: groupNames })),
      )
    : { AutoScalingGroups: [] };
  return providers.map((p) => {
    const arn = p.autoScalingGroupProvider?.autoScalingGroupArn ?? "";
    const group = (groups.AutoScalingGroups ?? []).find((g) => g.AutoScalingGroupARN === arn || g.AutoScalingGroupName === asgNameOf(arn));
    return {
      name: p.name ?? "",
      status: p.status ?? "UNKNOWN",
      autoScalingGroupArn: arn,
      managedScaling: {
        status: p.autoScalingGroupProvider?.managedScaling?.status ?? "DISABLED",
        targetCapacity: p.autoScalingGroupProvider?.managedScaling?.targetCapacity ?? null,
        minimumScalingStepSize: p.autoScalingGroupProvider?.managedScaling?.minimumScalingStepSize ?? null,
        maximumScalingStepSize: p.autoScalingGroupProvider?.managedScaling?.maximumScalingStepSize ?? null,
        instanceWarmupPeriod: p.autoScalingGroupProvider?.managedScaling?.instanceWarmupPeriod ?? null,
      },
      managedTerminationProtection: p.autoScalingGroupProvider?.managedTerminationProtection ?? "DISABLED",
      group: group ? toAsg(group) : null,
    };
  });
}

async function listKeyPairsFromAws(conn: ConnectionSettings, region: string): Promise<string[]> {
  const out = await guarded(conn, "ec2", "DescribeKeyPairs", () => awsClient(conn, region, "ec2").send(new DescribeKeyPairsCommand({})));
  return (out.KeyPairs ?? []).map((k) => k.KeyName ?? "").filter(Boolean).sort();
}

/** Instance profiles whose role trusts EC2 are what an ECS container instance can use; IAM is global. */
async function listInstanceProfilesFromAws(conn: ConnectionSettings): Promise<{ name: string; roles: string[] }[]> {
  const client = awsClient(conn, "us-east-1", "iam");
  return guarded(conn, "iam", "ListInstanceProfiles", async () => {
    const out: { name: string; roles: string[] }[] = [];
    for await (const page of paginateListInstanceProfiles({ client, pageSize: 1000 }, {})) {
      for (const p of page.InstanceProfiles ?? []) out.push({ name: p.InstanceProfileName ?? "", roles: (p.Roles ?? []).map((r) => r.RoleName ?? "") });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  });
}

/** Reads what a teardown will delete; the page shows it and the action re-reads it before planning. */
async function readTeardownTargetFromAws(conn: ConnectionSettings, region: string, clusterName: string): Promise<TeardownTarget | null> {
  const cluster = await getCluster(conn, region, clusterName);
  if (!cluster) return null;
  const [services, capacity] = await Promise.all([
    listServices(conn, region, cluster.arn),
    describeClusterCapacity(conn, region, cluster.capacityProviders),
  ]);
  return {
    clusterName: cluster.name,
    clusterArn: cluster.arn,
    services: services.filter((s) => s.status !== "INACTIVE").map((s) => ({ name: s.name, arn: s.arn })),
    capacityProviders: capacity.map((cp) => ({
      name: cp.name,
      autoScalingGroupName: cp.group?.name ?? null,
      launchTemplateId: cp.group?.launchTemplateId ?? null,
      launchTemplateName: cp.group?.launchTemplateName ?? null,
    })),
    hasAttachedProviders: cluster.capacityProviders.length > 0,
    containerInstances: cluster.containerInstances,
  };
}

// Shared by every caller for a moment (see lib/core/live/shared-read.ts): many people browsing cost AWS one read.
export const listAutoScalingGroups = sharedReader("capacity:listAutoScalingGroups", listAutoScalingGroupsFromAws);
export const describeClusterCapacity = sharedReader("capacity:describeClusterCapacity", describeClusterCapacityFromAws);
export const listKeyPairs = sharedReader("capacity:listKeyPairs", listKeyPairsFromAws);
export const readTeardownTarget = sharedReader("capacity:readTeardownTarget", readTeardownTargetFromAws);
export const listInstanceProfiles = sharedGlobalReader("iam:listInstanceProfiles", listInstanceProfilesFromAws);
