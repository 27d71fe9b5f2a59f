import "server-only";
import { sharedReader } from "@/lib/core/live/shared-read";
import {
  DescribeListenersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  paginateDescribeLoadBalancers,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { mapAwsError } from "@/lib/core/aws/errors";
import { guarded } from "@/lib/core/aws/guarded";

export type LoadBalancer = {
  arn: string;
  name: string;
  type: string;
  scheme: string;
  state: string;
  dnsName: string;
  vpcId: string;
  securityGroups: string[];
  zones: string[];
};
export type Listener = { arn: string; port: number; protocol: string; targetGroupArns: string[] };
export type TargetGroup = {
  arn: string;
  name: string;
  protocol: string;
  port: number;
  targetType: string;
  vpcId: string;
  loadBalancerArns: string[];
  healthCheck: { path: string; protocol: string; interval: number; timeout: number; healthy: number; unhealthy: number; matcher: string };
};
export type TargetHealth = { id: string; port?: number; state: string; reason?: string; description?: string };

/** Application Load Balancers of the region (the ones ECS services register with). */
async function listLoadBalancersFromAws(conn: ConnectionSettings, region: string): Promise<LoadBalancer[]> {
  const client = awsClient(conn, region, "elbv2");
  return guarded(conn, "elbv2", "DescribeLoadBalancers", async () => {
    const out: LoadBalancer[] = [];
    for await (const page of paginateDescribeLoadBalancers({ client, pageSize: 400 }, {})) {
      for (const lb of page.LoadBalancers ?? []) {
        if (lb.Type !== "application") continue;
        out.push({
          arn: lb.LoadBalancerArn ?? "",
          name: lb.LoadBalancerName ?? "",
          type: lb.Type ?? "",
          scheme: lb.Scheme ?? "",
          state: lb.State?.Code ?? "unknown",
          dnsName: lb.DNSName ?? "",
          vpcId: lb.VpcId ?? "",
          securityGroups: lb.SecurityGroups ?? [],
          zones: (lb.AvailabilityZones ?? []).map((z) => z.ZoneName ?? ""),
        });
      }
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  });
}

async function listListenersFromAws(conn: ConnectionSettings, region: string, loadBalancerArn: string): Promise<Listener[]> {
  const client = awsClient(conn, region, "elbv2");
  return guarded(conn, "elbv2", "DescribeListeners", async () => {
    const out = await client.send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancerArn }));
    return (out.Listeners ?? []).map((l) => ({
      arn: l.ListenerArn ?? "",
      port: l.Port ?? 0,
      protocol: l.Protocol ?? "",
      targetGroupArns: (l.DefaultActions ?? []).flatMap((a) => [a.TargetGroupArn, ...(a.ForwardConfig?.TargetGroups ?? []).map((t) => t.TargetGroupArn)]).filter((x): x is string => Boolean(x)),
    }));
  });
}

/** Target groups by ARN (up to 20 per call, the API's maximum for names/ARNs is larger, but services use one or two). */
async function describeTargetGroupsFromAws(conn: ConnectionSettings, region: string, arns: string[]): Promise<TargetGroup[]> {
  if (arns.length === 0) return [];
  const client = awsClient(conn, region, "elbv2");
  return guarded(conn, "elbv2", "DescribeTargetGroups", async () => {
    const out = await client.send(new DescribeTargetGroupsCommand({ TargetGroupArns: arns }));
    return (out.TargetGroups ?? []).map((t) => ({
      arn: t.TargetGroupArn ?? "",
      name: t.TargetGroupName ?? "",
      protocol: t.Protocol ?? "",
      port: t.Port ?? 0,
      targetType: t.TargetType ?? "",
      vpcId: t.VpcId ?? "",
      loadBalancerArns: t.LoadBalancerArns ?? [],
      healthCheck: {
        path: t.HealthCheckPath ?? "",
        protocol: t.HealthCheckProtocol ?? "",
        interval: t.HealthCheckIntervalSeconds ?? 0,
        timeout: t.HealthCheckTimeoutSeconds ?? 0,
        healthy: t.HealthyThresholdCount ?? 0,
        unhealthy: t.UnhealthyThresholdCount ?? 0,
        matcher: t.Matcher?.HttpCode ?? "",
      },
    }));
  });
}

async function describeTargetHealthFromAws(conn: ConnectionSettings, region: string, targetGroupArn: string): Promise<TargetHealth[]> {
  const client = awsClient(conn, region, "elbv2");
  return guarded(conn, "elbv2", "DescribeTargetHealth", async () => {
    const out = await client.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }));
    return (out.TargetHealthDescriptions ?? []).map((d) => ({
      id: d.Target?.Id ?? "",
      port: d.Target?.Port,
      state: d.TargetHealth?.State ?? "unknown",
      reason: d.TargetHealth?.Reason,
      description: d.TargetHealth?.Description,
    }));
  });
}

/** Is a target group name taken in the region? (CreateTargetGroup with the same settings silently returns it.) */
async function targetGroupNameTakenFromAws(conn: ConnectionSettings, region: string, name: string): Promise<boolean> {
  const client = awsClient(conn, region, "elbv2");
  try {
    const out = await client.send(new DescribeTargetGroupsCommand({ Names: [name] }));
    return (out.TargetGroups ?? []).length > 0;
  } catch (error) {
    if ((error as { name?: string }).name === "TargetGroupNotFoundException") return false;
    throw mapAwsError(error, { service: "elbv2", operation: "DescribeTargetGroups", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
}

export type LoadBalancing = { targetGroup: TargetGroup; loadBalancer?: LoadBalancer; listeners: Listener[]; health: TargetHealth[] };

/** For a service's target groups: each group with its load balancer, listeners and target health. */
async function describeLoadBalancingFromAws(conn: ConnectionSettings, region: string, targetGroupArns: string[]): Promise<LoadBalancing[]> {
  const groups = await describeTargetGroups(conn, region, targetGroupArns);
  if (groups.length === 0) return [];
  const lbs = await listLoadBalancers(conn, region);
  return Promise.all(
    groups.map(async (targetGroup) => {
      const loadBalancer = lbs.find((lb) => targetGroup.loadBalancerArns.includes(lb.arn));
      const [listeners, health] = await Promise.all([
        loadBalancer ? listListeners(conn, region, loadBalancer.arn) : Promise.resolve([]),
        describeTargetHealth(conn, region, targetGroup.arn),
      ]);
      return { targetGroup, loadBalancer, listeners, health };
    }),
  );
}

// Shared by every caller for a moment (see lib/core/live/shared-read.ts): many people browsing cost AWS one read.
export const listLoadBalancers = sharedReader("elbv2:listLoadBalancers", listLoadBalancersFromAws);
export const listListeners = sharedReader("elbv2:listListeners", listListenersFromAws);
export const describeTargetGroups = sharedReader("elbv2:describeTargetGroups", describeTargetGroupsFromAws);
export const describeTargetHealth = sharedReader("elbv2:describeTargetHealth", describeTargetHealthFromAws);
export const targetGroupNameTaken = sharedReader("elbv2:targetGroupNameTaken", targetGroupNameTakenFromAws);
export const describeLoadBalancing = sharedReader("elbv2:describeLoadBalancing", describeLoadBalancingFromAws);
