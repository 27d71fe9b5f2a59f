import "server-only";
import { sharedReader } from "@/lib/core/live/shared-read";
import { DescribeAutoScalingGroupsCommand } from "@aws-sdk/client-auto-scaling";
import { DescribeLaunchTemplateVersionsCommand, DescribeNetworkInterfacesCommand, DescribeSubnetsCommand } from "@aws-sdk/client-ec2";
import { DescribeServicesCommand, DescribeTasksCommand, ListTasksCommand, type Service, type Task } from "@aws-sdk/client-ecs";
import { GetScheduleCommand, type GetScheduleCommandOutput } from "@aws-sdk/client-scheduler";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import type { Ec2CapacitySource } from "@/lib/ecs/clusters/prefill";
import type { TaskInterface } from "@/lib/ecs/tasks/prefill";
import { asgNameOf, type CapacityProviderSummary } from "../clusters/capacity";
import { mapAwsError } from "@/lib/core/aws/errors";
import { guarded } from "@/lib/core/aws/guarded";

/**
 * Reads of an existing resource as AWS describes it, for the "duplicate" wizards: the
 * mappers in lib/ecs/*-prefill.ts turn them into form values and name what they drop.
 */

/** DescribeServices (with tags) of one service; null when it does not exist or is INACTIVE. */
async function describeServiceSourceFromAws(conn: ConnectionSettings, region: string, cluster: string, name: string): Promise<Service | null> {
  const client = awsClient(conn, region, "ecs");
  const out = await guarded(conn, "ecs", "DescribeServices", () => client.send(new DescribeServicesCommand({ cluster, services: [name], include: ["TAGS"] })));
  const service = out.services?.[0];
  return service && service.status !== "INACTIVE" ? service : null;
}

/** The VPC a subnet belongs to (a service names its subnets only). */
async function vpcOfSubnetFromAws(conn: ConnectionSettings, region: string, subnetId: string): Promise<string | null> {
  const client = awsClient(conn, region, "ec2");
  const out = await guarded(conn, "ec2", "DescribeSubnets", () => client.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId] })));
  return out.Subnets?.[0]?.VpcId ?? null;
}

/** GetSchedule; null when there is no such schedule in the group. */
async function getScheduleSourceFromAws(conn: ConnectionSettings, region: string, name: string, group = "default"): Promise<Omit<GetScheduleCommandOutput, "$metadata"> | null> {
  try {
    const { $metadata: _, ...schedule } = await awsClient(conn, region, "scheduler").send(new GetScheduleCommand({ Name: name, GroupName: group }));
    return schedule;
  } catch (error) {
    if ((error as { name?: string }).name === "ResourceNotFoundException") return null;
    throw mapAwsError(error, { service: "scheduler", operation: "GetSchedule", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
}

/**
 * For each Auto Scaling group capacity provider: the group's subnets and sizes and its launch
 * template's instance settings. A group or template that cannot be read is left null (the
 * duplicate names it as not carried over) rather than failing the page.
 */
async function describeEc2CapacitySourcesFromAws(conn: ConnectionSettings, region: string, providers: CapacityProviderSummary[]): Promise<Ec2CapacitySource[]> {
  const names = providers.map((p) => asgNameOf(p.autoScalingGroupArn)).filter(Boolean);
  const groups = names.length
    ? (await guarded(conn, "autoscaling", "DescribeAutoScalingGroups", () =>
        awsClient(conn, region, "autoscaling").send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: names })),
      )).AutoScalingGroups ?? []
    : [];
  const ec2 = awsClient(conn, region, "ec2");
  return Promise.all(
    providers.map(async (p): Promise<Ec2CapacitySource> => {
      const g = groups.find((x) => x.AutoScalingGroupName === asgNameOf(p.autoScalingGroupArn));
      const spec = g?.LaunchTemplate ?? g?.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
      const version = spec?.LaunchTemplateId
        ? await ec2
            .send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: spec.LaunchTemplateId, Versions: [spec.Version || "$Default"] }))
            .then((out) => out.LaunchTemplateVersions?.[0]?.LaunchTemplateData ?? null)
            .catch(() => null)
        : null;
      return {
        provider: p.name,
        managedScaling: p.managedScaling,
        managedTerminationProtection: p.managedTerminationProtection,
        group: g
          ? {
              name: g.AutoScalingGroupName ?? "",
              min: g.MinSize ?? 0,
              max: g.MaxSize ?? 0,
              desired: g.DesiredCapacity ?? 0,
              subnets: (g.VPCZoneIdentifier ?? "").split(",").map((x) => x.trim()).filter(Boolean),
              mixedInstances: Boolean(g.MixedInstancesPolicy),
            }
          : null,
        launchTemplate: version
          ? { imageId: version.ImageId, instanceType: version.InstanceType, keyName: version.KeyName, instanceProfile: version.IamInstanceProfile?.Name ?? version.IamInstanceProfile?.Arn }
          : null,
      };
    }),
  );
}

export type RecentTask = { arn: string; taskDefinition: string; lastStatus: string; group: string; startedBy: string; at?: string; stoppedReason?: string };

// API maxima: ListTasks returns 100 per page, DescribeTasks takes 100.
const PAGE = 100;

/**
 * The cluster's newest tasks, running and stopped (ECS keeps stopped ones about an hour):
 * one ListTasks page of each, described 100 at a time, newest first.
 */
async function listRecentTasksFromAws(conn: ConnectionSettings, region: string, cluster: string, limit = 50): Promise<RecentTask[]> {
  const client = awsClient(conn, region, "ecs");
  const lists = await Promise.all(
    (["RUNNING", "STOPPED"] as const).map((desiredStatus) =>
      guarded(conn, "ecs", "ListTasks", () => client.send(new ListTasksCommand({ cluster, desiredStatus, maxResults: PAGE }))),
    ),
  );
  const arns = [...new Set(lists.flatMap((l) => l.taskArns ?? []))];
  const batches: string[][] = [];
  for (let i = 0; i < arns.length; i += PAGE) batches.push(arns.slice(i, i + PAGE));
  const described = await Promise.all(
    batches.map((tasks) => guarded(conn, "ecs", "DescribeTasks", () => client.send(new DescribeTasksCommand({ cluster, tasks })))),
  );
  const when = (t: Task) => t.startedAt ?? t.createdAt;
  return described
    .flatMap((d) => d.tasks ?? [])
    .sort((a, b) => (when(b)?.getTime() ?? 0) - (when(a)?.getTime() ?? 0))
    .slice(0, limit)
    .map((t) => ({
      arn: t.taskArn ?? "",
      taskDefinition: (t.taskDefinitionArn ?? "").split("/").pop() ?? "",
      lastStatus: t.lastStatus ?? "UNKNOWN",
      group: t.group ?? "",
      startedBy: t.startedBy ?? "",
      at: when(t)?.toISOString(),
      stoppedReason: t.stoppedReason,
    }));
}

/** DescribeTasks of one task (with tags); null when ECS no longer knows it. */
async function describeTaskSourceFromAws(conn: ConnectionSettings, region: string, cluster: string, taskArn: string): Promise<Task | null> {
  const client = awsClient(conn, region, "ecs");
  const out = await guarded(conn, "ecs", "DescribeTasks", () => client.send(new DescribeTasksCommand({ cluster, tasks: [taskArn], include: ["TAGS"] })));
  return out.tasks?.[0] ?? null;
}

/** A task's network interface: its security groups and whether it has a public IP; null once deleted. */
async function describeTaskInterfaceFromAws(conn: ConnectionSettings, region: string, eniId: string): Promise<TaskInterface> {
  try {
    const out = await awsClient(conn, region, "ec2").send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eniId] }));
    const eni = out.NetworkInterfaces?.[0];
    return eni ? { securityGroups: (eni.Groups ?? []).map((g) => g.GroupId ?? "").filter(Boolean), publicIp: Boolean(eni.Association?.PublicIp) } : null;
  } catch (error) {
    if (/NotFound/.test((error as { name?: string }).name ?? "")) return null;
    throw mapAwsError(error, { service: "ec2", operation: "DescribeNetworkInterfaces", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
}

// Shared by every caller for a moment (see lib/core/live/shared-read.ts): many people browsing cost AWS one read.
export const describeServiceSource = sharedReader("prefill:describeServiceSource", describeServiceSourceFromAws);
export const vpcOfSubnet = sharedReader("prefill:vpcOfSubnet", vpcOfSubnetFromAws);
export const getScheduleSource = sharedReader("prefill:getScheduleSource", getScheduleSourceFromAws);
export const describeEc2CapacitySources = sharedReader("prefill:describeEc2CapacitySources", describeEc2CapacitySourcesFromAws);
export const listRecentTasks = sharedReader("prefill:listRecentTasks", listRecentTasksFromAws);
export const describeTaskSource = sharedReader("prefill:describeTaskSource", describeTaskSourceFromAws);
export const describeTaskInterface = sharedReader("prefill:describeTaskInterface", describeTaskInterfaceFromAws);
