import "server-only";
import {
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
} from "@aws-sdk/client-application-auto-scaling";
import { DescribeNetworkInterfacesCommand, DescribeSecurityGroupsCommand } from "@aws-sdk/client-ec2";
import { DescribeServicesCommand, paginateListServices, type Service } from "@aws-sdk/client-ecs";
import { DescribeListenersCommand, DescribeLoadBalancersCommand, DescribeTagsCommand, DescribeTargetGroupsCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { GetScheduleCommand, paginateListSchedules } from "@aws-sdk/client-scheduler";
import { DescribeRuleCommand, ListRuleNamesByTargetCommand, ListRulesCommand, ListTagsForResourceCommand, ListTargetsByRuleCommand } from "@aws-sdk/client-eventbridge";
import { alertKind } from "@/lib/ecs/task-alerts/kind";
import { ECS_DIMENSION, ECS_NAMESPACE, resourceId } from "@/lib/ecs/scaling/plan";
import { decideLeftovers, MANAGED_TAG, type LeftoverFacts, type Leftovers, type ServiceFacts } from "@/lib/ecs/services/leftovers";
import { chunks } from "@/lib/core/aws/batches";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { DESCRIBE_SERVICES_MAX } from "./fleet";
import { guarded } from "@/lib/core/aws/guarded";

/** "arn:…:task-definition/web:3" or "web:3" → "web". */
const familyOf = (td: string | undefined) => (td ? td.split("/").pop()!.split(":")[0]! : null);

function serviceFacts(s: Service): ServiceFacts {
  return {
    name: s.serviceName ?? "",
    targetGroupArns: (s.loadBalancers ?? []).map((l) => l.targetGroupArn ?? "").filter(Boolean),
    securityGroupIds: s.networkConfiguration?.awsvpcConfiguration?.securityGroups ?? [],
    family: familyOf(s.taskDefinition),
  };
}

async function clusterServices(conn: ConnectionSettings, region: string, clusterArn: string): Promise<Service[]> {
  const client = awsClient(conn, region, "ecs");
  const arns = await guarded(conn, "ecs", "ListServices", async () => {
    const all: string[] = [];
    for await (const page of paginateListServices({ client, pageSize: 100 }, { cluster: clusterArn })) all.push(...(page.serviceArns ?? []));
    return all;
  });
  const pages = await Promise.all(
    chunks(arns, DESCRIBE_SERVICES_MAX).map((batch) => guarded(conn, "ecs", "DescribeServices", () => client.send(new DescribeServicesCommand({ cluster: clusterArn, services: batch })))),
  );
  return pages.flatMap((p) => p.services ?? []).filter((s) => s.status !== "INACTIVE");
}

const isManaged = (tags: { Key?: string; Value?: string }[] | undefined) => (tags ?? []).some((t) => t.Key === MANAGED_TAG && t.Value === "true");

async function loadBalancingFacts(conn: ConnectionSettings, region: string, tgArns: string[], created: Set<string>) {
  if (tgArns.length === 0) return { targetGroups: [], loadBalancers: [] };
  const elb = awsClient(conn, region, "elbv2");
  const tgs = await guarded(conn, "elbv2", "DescribeTargetGroups", () => elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: tgArns })));
  const lbArns = [...new Set((tgs.TargetGroups ?? []).flatMap((t) => t.LoadBalancerArns ?? []))];
  const lbs = lbArns.length ? await guarded(conn, "elbv2", "DescribeLoadBalancers", () => elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: lbArns }))) : { LoadBalancers: [] };
  const arns = [...tgArns, ...lbArns];
  const tags = new Map<string, boolean>();
  for (const batch of chunks(arns, 20)) {
    const out = await guarded(conn, "elbv2", "DescribeTags", () => elb.send(new DescribeTagsCommand({ ResourceArns: batch })));
    for (const d of out.TagDescriptions ?? []) tags.set(d.ResourceArn ?? "", isManaged(d.Tags));
  }
  const managed = (arn: string) => created.has(arn) || tags.get(arn) === true;
  const loadBalancers = await Promise.all(
    (lbs.LoadBalancers ?? []).map(async (lb) => {
      const arn = lb.LoadBalancerArn ?? "";
      const listeners = await guarded(conn, "elbv2", "DescribeListeners", () => elb.send(new DescribeListenersCommand({ LoadBalancerArn: arn })));
      return {
        arn,
        name: lb.LoadBalancerName ?? "",
        securityGroups: lb.SecurityGroups ?? [],
        managed: managed(arn),
        listeners: (listeners.Listeners ?? []).map((l) => ({
          arn: l.ListenerArn ?? "",
          port: l.Port ?? 0,
          targetGroupArns: (l.DefaultActions ?? [])
            .flatMap((a) => [a.TargetGroupArn, ...(a.ForwardConfig?.TargetGroups ?? []).map((t) => t.TargetGroupArn)])
            .filter((x): x is string => Boolean(x)),
        })),
      };
    }),
  );
  return {
    targetGroups: (tgs.TargetGroups ?? []).map((t) => ({ arn: t.TargetGroupArn ?? "", name: t.TargetGroupName ?? "", loadBalancerArns: t.LoadBalancerArns ?? [], managed: managed(t.TargetGroupArn ?? "") })),
    loadBalancers,
  };
}

async function securityGroupFacts(conn: ConnectionSettings, region: string, ids: string[], created: Set<string>, ourLbNames: string[]) {
  if (ids.length === 0) return [];
  const ec2 = awsClient(conn, region, "ec2");
  const [groups, referencing, enis] = await Promise.all([
    guarded(conn, "ec2", "DescribeSecurityGroups", () => ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: ids }))),
    guarded(conn, "ec2", "DescribeSecurityGroups", () => ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "ip-permission.group-id", Values: ids }] }))),
    guarded(conn, "ec2", "DescribeNetworkInterfaces", () => ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: "group-id", Values: ids }] }))),
  ]);
  return (groups.SecurityGroups ?? []).map((g) => {
    const id = g.GroupId ?? "";
    const names = (r: (typeof referencing.SecurityGroups & object)[number]) => (r.IpPermissions ?? []).some((p) => (p.UserIdGroupPairs ?? []).some((u) => u.GroupId === id));
    return {
      id,
      name: g.GroupName ?? "",
      managed: created.has(id) || isManaged(g.Tags),
      referencedBy: (referencing.SecurityGroups ?? []).filter((r) => r.GroupId !== id && names(r)).map((r) => r.GroupId ?? ""),
      // Task interfaces (ECS-managed) go with the tasks; a load balancer being deleted releases its own.
      usedBy: (enis.NetworkInterfaces ?? [])
        .filter((n) => (n.Groups ?? []).some((x) => x.GroupId === id))
        .filter((n) => !(n.Description ?? "").startsWith("arn:aws:ecs:") && !ourLbNames.some((lb) => (n.Description ?? "").startsWith(`ELB app/${lb}/`)))
        .map((n) => n.NetworkInterfaceId ?? ""),
    };
  });
}

async function scalingFacts(conn: ConnectionSettings, region: string, cluster: string, services: string[]) {
  const client = awsClient(conn, region, "appautoscaling");
  return Promise.all(
    services.map(async (service) => {
      const ResourceId = resourceId(cluster, service);
      const [targets, policies] = await Promise.all([
        guarded(conn, "application-autoscaling", "DescribeScalableTargets", () =>
          client.send(new DescribeScalableTargetsCommand({ ServiceNamespace: ECS_NAMESPACE, ResourceIds: [ResourceId], ScalableDimension: ECS_DIMENSION })),
        ),
        guarded(conn, "application-autoscaling", "DescribeScalingPolicies", () =>
          client.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: ECS_NAMESPACE, ResourceId, ScalableDimension: ECS_DIMENSION, MaxResults: 50 })),
        ),
      ]);
      return {
        service,
        resourceId: ResourceId,
        registered: (targets.ScalableTargets ?? []).length > 0,
        policies: (policies.ScalingPolicies ?? []).map((p) => ({ name: p.PolicyName ?? "", type: p.PolicyType ?? "", alarms: (p.Alarms ?? []).map((a) => a.AlarmName ?? "").filter(Boolean) })),
      };
    }),
  );
}

/** EventBridge Scheduler schedules (every group) whose target is the cluster, with the family they run. */
async function scheduleFacts(conn: ConnectionSettings, region: string, clusterArn: string) {
  const client = awsClient(conn, region, "scheduler");
  const summaries = await guarded(conn, "scheduler", "ListSchedules", async () => {
    const all: { name: string; group: string; state: string }[] = [];
    for await (const page of paginateListSchedules({ client, pageSize: 100 }, {})) {
      for (const s of page.Schedules ?? []) if (s.Target?.Arn === clusterArn) all.push({ name: s.Name ?? "", group: s.GroupName ?? "default", state: s.State ?? "" });
    }
    return all;
  });
  return Promise.all(
    summaries.map(async (s) => {
      const full = await guarded(conn, "scheduler", "GetSchedule", () => client.send(new GetScheduleCommand({ Name: s.name, GroupName: s.group })));
      return { ...s, family: familyOf(full.Target?.EcsParameters?.TaskDefinitionArn) };
    }),
  );
}

/** Rules of the default bus that are the cluster's task or deployment alerts (their target is an SNS topic, not the cluster). */
async function alertRuleNames(conn: ConnectionSettings, region: string, clusterArn: string): Promise<string[]> {
  const client = awsClient(conn, region, "events");
  return guarded(conn, "events", "ListRules", async () => {
    const out: string[] = [];
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new ListRulesCommand({ EventBusName: "default", Limit: 100, NextToken }));
      out.push(...(page.Rules ?? []).filter((r) => !r.ManagedBy && alertKind(r.EventPattern ?? "", clusterArn)).map((r) => r.Name ?? "").filter(Boolean));
      NextToken = page.NextToken;
      pages += 1;
    } while (NextToken && pages < 20);
    return out;
  });
}

/**
 * EventBridge rules of the default bus with a target in the cluster, and (`withAlerts`, a cluster
 * teardown) the cluster's alert rules, which target SNS: whose (portside:managed tag) and what they run.
 */
async function eventRuleFacts(conn: ConnectionSettings, region: string, clusterArn: string, withAlerts: boolean): Promise<NonNullable<LeftoverFacts["eventRules"]>> {
  const client = awsClient(conn, region, "events");
  const alerts = new Set(withAlerts ? await alertRuleNames(conn, region, clusterArn) : []);
  const targeting = await guarded(conn, "events", "ListRuleNamesByTarget", async () => {
    const out: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new ListRuleNamesByTargetCommand({ TargetArn: clusterArn, EventBusName: "default", Limit: 100, NextToken }));
      out.push(...(page.RuleNames ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return out;
  });
  const names = [...new Set([...targeting, ...alerts])];
  return Promise.all(
    names.map(async (name) => {
      const [rule, targets] = await Promise.all([
        guarded(conn, "events", "DescribeRule", () => client.send(new DescribeRuleCommand({ Name: name, EventBusName: "default" }))),
        guarded(conn, "events", "ListTargetsByRule", () => client.send(new ListTargetsByRuleCommand({ Rule: name, EventBusName: "default", Limit: 100 }))),
      ]);
      const tags = rule.Arn ? await guarded(conn, "events", "ListTagsForResource", () => client.send(new ListTagsForResourceCommand({ ResourceARN: rule.Arn }))) : { Tags: [] };
      // An alert rule goes whole with its cluster: its targets are the topic it mails.
      const mine = (targets.Targets ?? []).filter((t) => t.Arn === clusterArn || alerts.has(name));
      return {
        name,
        state: rule.State ?? "ENABLED",
        managed: !rule.ManagedBy && (tags.Tags ?? []).some((t) => t.Key === MANAGED_TAG && t.Value === "true"),
        family: familyOf(mine[0]?.EcsParameters?.TaskDefinitionArn),
        targetIds: mine.map((t) => t.Id ?? "").filter(Boolean),
        otherTargets: (targets.Targets ?? []).length - mine.length,
      };
    }),
  );
}

/**
 * What the services being deleted leave behind, and whether each piece is theirs: read from
 * AWS (services, load balancers, tags, security groups and who uses them, auto scaling,
 * schedules) and `created`, the ARNs and ids Portside's history shows it created.
 * `services` null: every service of the cluster (a cluster teardown).
 */
export async function readServiceLeftovers(
  conn: ConnectionSettings,
  region: string,
  cluster: { name: string; arn: string },
  services: string[] | null,
  created: Set<string>,
): Promise<Leftovers> {
  const all = await clusterServices(conn, region, cluster.arn);
  const deleting = all.filter((s) => services === null || services.includes(s.serviceName ?? "")).map(serviceFacts);
  const staying = all.filter((s) => services !== null && !services.includes(s.serviceName ?? "")).map(serviceFacts);
  const lb = await loadBalancingFacts(conn, region, [...new Set(deleting.flatMap((s) => s.targetGroupArns))], created);
  const sgIds = [...new Set([...deleting.flatMap((s) => s.securityGroupIds), ...lb.loadBalancers.flatMap((l) => l.securityGroups)])];
  const [securityGroups, scaling, schedules, eventRules] = await Promise.all([
    securityGroupFacts(conn, region, sgIds, created, lb.loadBalancers.filter((l) => l.managed).map((l) => l.name)),
    scalingFacts(conn, region, cluster.name, deleting.map((s) => s.name)),
    scheduleFacts(conn, region, cluster.arn),
    eventRuleFacts(conn, region, cluster.arn, services === null),
  ]);
  const families = new Set(deleting.map((s) => s.family));
  const facts: LeftoverFacts = {
    cluster: cluster.name,
    services: deleting,
    otherServices: staying,
    ...lb,
    securityGroups,
    scaling,
    // A cluster teardown takes every schedule aimed at it; a service's, those running its family.
    schedules: services === null ? schedules : schedules.filter((s) => families.has(s.family)),
    eventRules: services === null ? eventRules : eventRules.filter((r) => families.has(r.family)),
  };
  return decideLeftovers(facts);
}
