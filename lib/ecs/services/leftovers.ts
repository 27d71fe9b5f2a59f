/**
 * What a service leaves behind in AWS when only the service is deleted: its load balancer,
 * listener and target group, its security groups, its auto scaling, and schedules that run its
 * tasks. Pure: the facts are read in lib/ecs/services/leftover-reads.ts; here it is decided what
 * belongs to the services being deleted (and may go) and what is shared (and stays).
 */

/** Tags Portside puts on what it creates, so ownership is known without the history. */
export const MANAGED_TAG = "portside:managed";
export const SERVICE_TAG = "portside:service";
export const managedTags = (cluster: string, service: string) => [
  { Key: MANAGED_TAG, Value: "true" },
  { Key: SERVICE_TAG, Value: `${cluster}/${service}` },
];

export type ServiceFacts = { name: string; targetGroupArns: string[]; securityGroupIds: string[]; family: string | null };

export type LeftoverFacts = {
  cluster: string;
  /** The services being deleted. */
  services: ServiceFacts[];
  /** Services of the cluster that stay (their target groups, groups and family are not ours to delete). */
  otherServices: ServiceFacts[];
  targetGroups: { arn: string; name: string; loadBalancerArns: string[]; managed: boolean }[];
  loadBalancers: { arn: string; name: string; securityGroups: string[]; managed: boolean; listeners: { arn: string; port: number; targetGroupArns: string[] }[] }[];
  securityGroups: {
    id: string;
    name: string;
    managed: boolean;
    /** Groups whose rules name this one (AWS refuses to delete it while they exist). */
    referencedBy: string[];
    /** Network interfaces using it that are neither the services' tasks nor a load balancer here. */
    usedBy: string[];
  }[];
  scaling: { service: string; resourceId: string; registered: boolean; policies: { name: string; type: string; alarms: string[] }[] }[];
  schedules: { name: string; group: string; family: string | null; state: string }[];
  /** EventBridge rules with targets in the cluster: `targetIds` those targets, `otherTargets` how many point elsewhere. */
  eventRules?: { name: string; state: string; managed: boolean; family: string | null; targetIds: string[]; otherTargets: number }[];
};

export type LeftoverItem =
  | { kind: "listener"; id: string; label: string; keep?: string; loadBalancerArn: string }
  | { kind: "targetGroup"; id: string; label: string; keep?: string }
  | { kind: "loadBalancer"; id: string; label: string; keep?: string }
  | { kind: "securityGroup"; id: string; label: string; keep?: string; loadBalancerArns: string[]; referencedBy: string[] }
  | { kind: "scalingPolicy"; id: string; label: string; keep?: string; resourceId: string }
  | { kind: "alarm"; id: string; label: string; keep?: string }
  | { kind: "scalableTarget"; id: string; label: string; keep?: string }
  | { kind: "schedule"; id: string; label: string; keep?: string; group: string }
  | { kind: "eventRule"; id: string; label: string; keep?: string; targetIds: string[]; whole: boolean };

export const LEFTOVER_GROUPS = ["loadBalancing", "securityGroups", "autoScaling", "schedules", "eventRules"] as const;
export type LeftoverGroup = (typeof LEFTOVER_GROUPS)[number];
export const GROUP_TITLES: Record<LeftoverGroup, string> = {
  loadBalancing: "Load balancing",
  securityGroups: "Security groups",
  autoScaling: "Auto scaling",
  schedules: "Schedules",
  eventRules: "Event rules",
};

/** Per group: items with `keep` set stay whatever is chosen, and say why (shared, not Portside's). */
export type Leftovers = Record<LeftoverGroup, LeftoverItem[]>;
export type LeftoverChoices = Partial<Record<LeftoverGroup, "delete" | "keep">>;

export const noLeftovers = (): Leftovers => ({ loadBalancing: [], securityGroups: [], autoScaling: [], schedules: [], eventRules: [] });

const NOT_OURS = "not created by Portside";

/** Decides, from what AWS holds and what Portside made, what belongs to the services being deleted. */
export function decideLeftovers(f: LeftoverFacts): Leftovers {
  const out = noLeftovers();
  const ours = new Set(f.services.flatMap((s) => s.targetGroupArns));
  const usedElsewhere = (arn: string) => f.otherServices.find((s) => s.targetGroupArns.includes(arn));

  // Target groups: deleted with the listeners forwarding only to them (AWS refuses a group a listener uses).
  const tgKeep = new Map<string, string | undefined>();
  for (const tg of f.targetGroups.filter((t) => ours.has(t.arn))) {
    const other = usedElsewhere(tg.arn);
    const mixed = f.loadBalancers.flatMap((lb) => lb.listeners).find((l) => l.targetGroupArns.includes(tg.arn) && l.targetGroupArns.some((a) => !ours.has(a)));
    tgKeep.set(tg.arn, !tg.managed ? NOT_OURS : other ? `shared: service ${other.name} uses it` : mixed ? `shared: listener :${mixed.port} also forwards elsewhere` : undefined);
  }
  const goingTgs = new Set([...tgKeep].filter(([, keep]) => !keep).map(([arn]) => arn));

  const lbs = f.loadBalancers.filter((lb) => f.targetGroups.some((t) => ours.has(t.arn) && t.loadBalancerArns.includes(lb.arn)));
  const listeners: LeftoverItem[] = [];
  const balancers: LeftoverItem[] = [];
  for (const lb of lbs) {
    const going = lb.listeners.filter((l) => l.targetGroupArns.length > 0 && l.targetGroupArns.every((a) => goingTgs.has(a)));
    for (const l of going) listeners.push({ kind: "listener", id: l.arn, label: `Listener :${l.port} of ${lb.name}`, loadBalancerArn: lb.arn });
    const keep = !lb.managed ? NOT_OURS : lb.listeners.length > going.length ? "shared: other listeners use it" : undefined;
    balancers.push({ kind: "loadBalancer", id: lb.arn, label: `Load balancer ${lb.name}`, keep });
  }
  const groups: LeftoverItem[] = f.targetGroups
    .filter((t) => tgKeep.has(t.arn))
    .map((tg) => ({ kind: "targetGroup", id: tg.arn, label: `Target group ${tg.name}`, keep: tgKeep.get(tg.arn) }));
  // Listed in the order they are deleted in: AWS refuses a target group a listener forwards to.
  out.loadBalancing = [...listeners, ...groups, ...balancers];

  const candidates = new Set([...f.services.flatMap((s) => s.securityGroupIds), ...lbs.flatMap((lb) => lb.securityGroups)]);
  const keptLbs = new Set(balancers.filter((b) => b.keep).map((b) => b.id));
  const sgs = f.securityGroups.filter((g) => candidates.has(g.id));
  const sgKeep = new Map<string, string | undefined>();
  for (const sg of sgs) {
    const service = f.otherServices.find((s) => s.securityGroupIds.includes(sg.id));
    const lb = f.loadBalancers.find((l) => l.securityGroups.includes(sg.id) && (!lbs.includes(l) || keptLbs.has(l.arn)));
    sgKeep.set(sg.id, !sg.managed
      ? NOT_OURS
      : service ? `shared: service ${service.name} uses it`
      : lb ? `shared: load balancer ${lb.name} uses it, and stays`
      : sg.usedBy.length ? `shared: used by ${sg.usedBy.join(", ")}`
      : undefined);
  }
  // A group whose rules name another keeps that one too (AWS refuses to delete a group still named).
  for (let changed = true; changed; ) {
    changed = false;
    for (const sg of sgs) {
      const namer = sg.referencedBy.find((id) => id !== sg.id && (!candidates.has(id) || sgKeep.get(id)));
      if (!sgKeep.get(sg.id) && namer) {
        sgKeep.set(sg.id, `shared: rules of ${namer} name it`);
        changed = true;
      }
    }
  }
  for (const sg of sgs) {
    out.securityGroups.push({
      kind: "securityGroup", id: sg.id, label: `Security group ${sg.name} (${sg.id})`, keep: sgKeep.get(sg.id),
      loadBalancerArns: lbs.filter((l) => l.securityGroups.includes(sg.id)).map((l) => l.arn),
      referencedBy: sg.referencedBy,
    });
  }

  for (const s of f.scaling) {
    for (const p of s.policies) {
      // Target tracking alarms are AWS's: they go with their policy. Step scaling alarms are Portside's to delete.
      const tracking = p.type === "TargetTrackingScaling" && p.alarms.length > 0;
      const label = `Scaling policy ${p.name}${tracking ? ` and its ${p.alarms.length === 1 ? "CloudWatch alarm" : `${p.alarms.length} CloudWatch alarms`}` : ""}`;
      out.autoScaling.push({ kind: "scalingPolicy", id: p.name, label, resourceId: s.resourceId });
      if (p.type !== "TargetTrackingScaling") for (const a of p.alarms) out.autoScaling.push({ kind: "alarm", id: a, label: `CloudWatch alarm ${a}` });
    }
    if (s.registered) out.autoScaling.push({ kind: "scalableTarget", id: s.resourceId, label: `Scalable target of ${s.service} (and its scheduled actions)` });
  }

  for (const sch of f.schedules) {
    const other = sch.family ? f.otherServices.find((s) => s.family === sch.family) : undefined;
    out.schedules.push({
      kind: "schedule", id: sch.name, group: sch.group, label: `Schedule ${sch.name} (${sch.state.toLowerCase()})`,
      keep: other ? `shared: runs ${sch.family}, which service ${other.name} also runs` : undefined,
    });
  }

  // A rule that also targets something else keeps its other targets: only this cluster's are removed.
  for (const r of f.eventRules ?? []) {
    const other = r.family ? f.otherServices.find((s) => s.family === r.family) : undefined;
    const whole = r.otherTargets === 0;
    out.eventRules.push({
      kind: "eventRule", id: r.name, targetIds: r.targetIds, whole,
      label: whole ? `Event rule ${r.name} (${r.state.toLowerCase()})` : `Target${r.targetIds.length === 1 ? "" : "s"} in this cluster of event rule ${r.name} (the rule and its other targets stay)`,
      keep: !r.managed ? NOT_OURS : other ? `shared: runs ${r.family}, which service ${other.name} also runs` : undefined,
    });
  }
  return out;
}

/** Whether an item goes, given the group's choice: never what is shared, by default what is ours. */
export const goes = (item: LeftoverItem, group: LeftoverGroup, choices: LeftoverChoices) => !item.keep && choices[group] !== "keep";
