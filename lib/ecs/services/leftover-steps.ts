import { ECS_DIMENSION, ECS_NAMESPACE } from "../scaling/plan";
import { goes, type LeftoverChoices, type LeftoverItem, type Leftovers } from "./leftovers";
import type { PlanStep, WaitFor } from "@/lib/core/plans/types";

type Of<K extends LeftoverItem["kind"]> = Extract<LeftoverItem, { kind: K }>;
const POLL_MS = 5_000;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const del = (label: string) => `Delete ${lowerFirst(label)}`;

/** After DeleteLoadBalancer: the load balancer is listed (and holds its network interfaces) until it is gone. */
function loadBalancerGone(arn: string, label: string): WaitFor {
  return {
    service: "elbv2",
    operation: "DescribeLoadBalancers",
    input: { LoadBalancerArns: [arn] },
    path: "LoadBalancers.0.State.Code",
    success: [],
    untilGone: true,
    description: `${label} to be deleted`,
    intervalMs: POLL_MS,
    timeoutMs: 15 * 60_000,
  };
}

/** Before DeleteSecurityGroup: AWS refuses a group a network interface still uses (a deleted ALB's take minutes to go). */
function interfacesReleased(groupId: string): WaitFor {
  return {
    service: "ec2",
    operation: "DescribeNetworkInterfaces",
    input: { Filters: [{ Name: "group-id", Values: [groupId] }] },
    path: "NetworkInterfaces.length",
    success: ["0"],
    description: `the network interfaces using ${groupId} to be released`,
    intervalMs: POLL_MS * 2,
    timeoutMs: 20 * 60_000,
  };
}

/**
 * The steps that delete what the person chose to delete, in two parts around the services'
 * own deletion. `before`: auto scaling (its policies would scale the service back up while it
 * drains) and schedules (one firing now would start a task in a cluster being torn down).
 * `after`, once the services are gone (AWS refuses a target group a service uses): listeners,
 * target groups, the load balancer (waited until gone), then the security groups, each once no
 * network interface uses it, the groups whose rules name another before that other.
 */
export function leftoverSteps(leftovers: Leftovers, choices: LeftoverChoices, prefix = "lo"): { before: PlanStep[]; after: PlanStep[] } {
  let n = 0;
  const key = () => `${prefix}${n++}`;
  const before: PlanStep[] = [];
  const after: PlanStep[] = [];
  const chain = (list: PlanStep[], step: Omit<PlanStep, "key">) => {
    const prev = list[list.length - 1];
    list.push({ key: key(), ...step, ...(prev ? { dependsOn: [prev.key] } : {}) });
  };
  const chosen = <K extends LeftoverItem["kind"]>(group: keyof Leftovers, kind: K) =>
    leftovers[group].filter((i): i is Of<K> => i.kind === kind && goes(i, group, choices));

  for (const p of chosen("autoScaling", "scalingPolicy")) {
    chain(before, {
      service: "appautoscaling", operation: "DeleteScalingPolicy", description: `Delete scaling policy ${p.id}`,
      input: { PolicyName: p.id, ServiceNamespace: ECS_NAMESPACE, ResourceId: p.resourceId, ScalableDimension: ECS_DIMENSION },
    });
  }
  const alarms = chosen("autoScaling", "alarm").map((a) => a.id);
  if (alarms.length) chain(before, { service: "cloudwatch", operation: "DeleteAlarms", description: `Delete alarms ${alarms.join(", ")}`, input: { AlarmNames: alarms } });
  for (const t of chosen("autoScaling", "scalableTarget")) {
    chain(before, {
      service: "appautoscaling", operation: "DeregisterScalableTarget", description: `Deregister the scalable target ${t.id} and its scheduled actions`,
      input: { ServiceNamespace: ECS_NAMESPACE, ResourceId: t.id, ScalableDimension: ECS_DIMENSION },
    });
  }
  for (const s of chosen("schedules", "schedule")) {
    chain(before, { service: "scheduler", operation: "DeleteSchedule", description: `Delete schedule ${s.id}`, input: { Name: s.id, GroupName: s.group } });
  }
  // EventBridge refuses to delete a rule that still has targets: they go first.
  for (const r of chosen("eventRules", "eventRule")) {
    chain(before, {
      service: "events", operation: "RemoveTargets", description: `Remove the targets in this cluster from event rule ${r.id}`,
      input: { Rule: r.id, EventBusName: "default", Ids: r.targetIds },
    });
    if (r.whole) chain(before, { service: "events", operation: "DeleteRule", description: `Delete event rule ${r.id}`, input: { Name: r.id, EventBusName: "default" } });
  }

  for (const l of chosen("loadBalancing", "listener")) {
    chain(after, { service: "elbv2", operation: "DeleteListener", description: del(l.label), input: { ListenerArn: l.id } });
  }
  for (const tg of chosen("loadBalancing", "targetGroup")) {
    chain(after, { service: "elbv2", operation: "DeleteTargetGroup", description: del(tg.label), input: { TargetGroupArn: tg.id } });
  }
  for (const lb of chosen("loadBalancing", "loadBalancer")) {
    chain(after, {
      service: "elbv2", operation: "DeleteLoadBalancer", description: del(lb.label),
      input: { LoadBalancerArn: lb.id }, waitFor: loadBalancerGone(lb.id, lowerFirst(lb.label)),
    });
  }

  for (const sg of goingGroups(leftovers, choices)) {
    // A read, not a change: the executor's wait needs a request to hang on.
    chain(after, {
      service: "ec2", operation: "DescribeNetworkInterfaces", description: `Check that nothing uses security group ${sg.id} any more`,
      input: { Filters: [{ Name: "group-id", Values: [sg.id] }] }, waitFor: interfacesReleased(sg.id),
    });
    chain(after, { service: "ec2", operation: "DeleteSecurityGroup", description: del(sg.label), input: { GroupId: sg.id } });
  }
  return { before, after };
}

/** The security groups the plan deletes, in order: those chosen that nothing kept still needs. */
export function goingGroups(leftovers: Leftovers, choices: LeftoverChoices): Of<"securityGroup">[] {
  const goneLbs = new Set(leftovers.loadBalancing.filter((i) => i.kind === "loadBalancer" && goes(i, "loadBalancing", choices)).map((i) => i.id));
  const chosen = leftovers.securityGroups.filter((i): i is Of<"securityGroup"> => i.kind === "securityGroup" && goes(i, "securityGroups", choices));
  return securityGroupOrder(chosen, goneLbs);
}

/**
 * The groups that can go, in an order AWS accepts: a group a kept load balancer uses stays, as
 * does one whose rules are named by a group that stays; a group naming another goes first.
 */
export function securityGroupOrder(groups: Of<"securityGroup">[], goneLbs: Set<string>): Of<"securityGroup">[] {
  let going = groups.filter((g) => g.loadBalancerArns.every((arn) => goneLbs.has(arn)));
  for (let changed = true; changed; ) {
    const ids = new Set(going.map((g) => g.id));
    const next = going.filter((g) => g.referencedBy.every((id) => id === g.id || ids.has(id)));
    changed = next.length !== going.length;
    going = next;
  }
  const ordered: Of<"securityGroup">[] = [];
  const left = [...going];
  while (left.length) {
    const done = new Set(ordered.map((g) => g.id));
    const i = left.findIndex((g) => g.referencedBy.every((id) => id === g.id || done.has(id) || !left.some((o) => o.id === id)));
    ordered.push(...left.splice(i < 0 ? 0 : i, 1));
  }
  return ordered;
}
