import "server-only";
import { callAws } from "@/lib/core/aws/call";
import { live, liveKey } from "@/lib/core/live/shared";
import { sharedReader } from "@/lib/core/live/shared-read";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { getRole, listRolesTrusting } from "@/lib/iam/reads";
import type { CurrentDeploymentSettings, PrimaryTargetGroup } from "./plan";
import { LOAD_BALANCER_ROLE, STRATEGIES, type Strategy } from "./fields";
import { hookRowsOf, type HookRow } from "./hooks";
import type { ListenerView } from "./rules";

type RawTargetGroup = {
  TargetGroupArn?: string; TargetGroupName?: string; Protocol?: string; Port?: number; VpcId?: string; TargetType?: string; LoadBalancerArns?: string[];
  HealthCheckProtocol?: string; HealthCheckPath?: string; HealthCheckIntervalSeconds?: number; HealthCheckTimeoutSeconds?: number;
  HealthyThresholdCount?: number; UnhealthyThresholdCount?: number; Matcher?: { HttpCode?: string };
};
type RawAction = { Type?: string; TargetGroupArn?: string; ForwardConfig?: { TargetGroups?: { TargetGroupArn?: string; Weight?: number }[] } };
type RawRule = { RuleArn?: string; Priority?: string; IsDefault?: boolean; Actions?: RawAction[]; Conditions?: { Field?: string; Values?: string[]; PathPatternConfig?: { Values?: string[] }; HostHeaderConfig?: { Values?: string[] } }[] };

/** A listener rule as the form shows it: where it listens, what it matches and its weights now. */
export type ListenerRuleView = { arn: string; label: string; weights: { targetGroupArn: string; weight: number }[] };

export type DeploymentSettingsContext = {
  controller: string;
  strategy: Strategy;
  bakeTime?: number;
  canary?: { percent: number; bakeTime: number };
  linear?: { percent: number; bakeTime: number };
  advanced: { alternateTargetGroupArn?: string; productionListenerRule?: string; testListenerRule?: string; roleArn?: string } | null;
  /** The service's lifecycle hooks, as the form's rows. */
  hooks: HookRow[];
  /** deploymentConfiguration.alarms now. */
  alarmSettings: { names: string[]; enable: boolean; rollback: boolean };
  /** The region's CloudWatch alarms (first 100 by name), what the form's alarm picker offers. */
  alarms: { name: string; state: string }[];
  primary: PrimaryTargetGroup | null;
  containerName: string;
  containerPort: number;
  targetGroups: { arn: string; name: string }[];
  rules: ListenerRuleView[];
  /** The listeners of the service's load balancer, where a new rule can go, with the priorities in use. */
  listeners: ListenerView[];
  roles: { arn: string; name: string }[];
  /** The role Portside would create exists already: offer to pick it instead. */
  roleExists: boolean;
  current: CurrentDeploymentSettings;
};

/** Each target group of a forward action with its weight (a plain forward is 100 % to one group). */
export function ruleWeights(actions: RawAction[] | undefined): { targetGroupArn: string; weight: number }[] {
  const forward = (actions ?? []).find((a) => a.Type === "forward");
  if (!forward) return [];
  const groups = forward.ForwardConfig?.TargetGroups;
  if (groups?.length) return groups.map((g) => ({ targetGroupArn: g.TargetGroupArn ?? "", weight: g.Weight ?? 1 }));
  return forward.TargetGroupArn ? [{ targetGroupArn: forward.TargetGroupArn, weight: 1 }] : [];
}

function ruleLabel(rule: RawRule, listener: { Port?: number; Protocol?: string }): string {
  const where = `${listener.Protocol ?? ""} ${listener.Port ?? ""}`.trim();
  if (rule.IsDefault) return `${where} · default rule`;
  const match = (rule.Conditions ?? []).map((c) => `${c.Field}: ${(c.PathPatternConfig?.Values ?? c.HostHeaderConfig?.Values ?? c.Values ?? []).join(", ")}`).join("; ");
  return `${where} · priority ${rule.Priority}${match ? ` · ${match}` : ""}`;
}

function toPrimary(tg: RawTargetGroup): PrimaryTargetGroup {
  return {
    arn: tg.TargetGroupArn ?? "",
    name: tg.TargetGroupName ?? "",
    protocol: tg.Protocol ?? "HTTP",
    port: tg.Port ?? 80,
    vpcId: tg.VpcId ?? "",
    targetType: tg.TargetType ?? "ip",
    healthCheck: {
      protocol: tg.HealthCheckProtocol ?? "HTTP",
      path: tg.HealthCheckPath ?? "/",
      interval: tg.HealthCheckIntervalSeconds ?? 30,
      timeout: tg.HealthCheckTimeoutSeconds ?? 5,
      healthy: tg.HealthyThresholdCount ?? 5,
      unhealthy: tg.UnhealthyThresholdCount ?? 2,
      matcher: tg.Matcher?.HttpCode ?? "200",
    },
  };
}

/**
 * Everything the "Deployment settings" form and its plan need, read fresh from AWS: the service's
 * settings, its target group, the listener rules that forward to it (with their weights), the
 * target groups that could be its alternate, and the roles ECS can assume. Null: no such service.
 */
export async function readDeploymentSettings(conn: ConnectionSettings, region: string, cluster: string, service: string): Promise<DeploymentSettingsContext | null> {
  const { output } = await callAws(conn, region, "ecs", "DescribeServices", { cluster, services: [service] });
  const s = (output.services as Record<string, unknown>[] | undefined)?.[0] as
    | { status?: string; deploymentController?: { type?: string }; deploymentConfiguration?: Record<string, unknown>; loadBalancers?: Record<string, unknown>[] }
    | undefined;
  if (!s || s.status === "INACTIVE") return null;
  const dc = (s.deploymentConfiguration ?? {}) as {
    strategy?: string; bakeTimeInMinutes?: number;
    canaryConfiguration?: { canaryPercent?: number; canaryBakeTimeInMinutes?: number };
    linearConfiguration?: { stepPercent?: number; stepBakeTimeInMinutes?: number };
    lifecycleHooks?: { targetType?: string; hookTargetArn?: string; roleArn?: string; lifecycleStages?: string[]; hookDetails?: unknown }[];
    alarms?: { alarmNames?: string[]; enable?: boolean; rollback?: boolean };
  };
  const loadBalancers = s.loadBalancers ?? [];
  const lb = loadBalancers[0] as { targetGroupArn?: string; containerName?: string; containerPort?: number; advancedConfiguration?: DeploymentSettingsContext["advanced"] } | undefined;
  let primary: PrimaryTargetGroup | null = null;
  let primaryRaw: RawTargetGroup | undefined;
  const rules: ListenerRuleView[] = [];
  const listenerViews: ListenerView[] = [];
  let targetGroups: { arn: string; name: string }[] = [];
  if (lb?.targetGroupArn) {
    const all = ((await callAws(conn, region, "elbv2", "DescribeTargetGroups", {})).output.TargetGroups ?? []) as RawTargetGroup[];
    primaryRaw = all.find((t) => t.TargetGroupArn === lb.targetGroupArn);
    if (primaryRaw) {
      primary = toPrimary(primaryRaw);
      targetGroups = all
        .filter((t) => t.TargetGroupArn !== primary!.arn && t.VpcId === primary!.vpcId && t.TargetType === primary!.targetType)
        .map((t) => ({ arn: t.TargetGroupArn ?? "", name: t.TargetGroupName ?? "" }));
      for (const lbArn of primaryRaw.LoadBalancerArns ?? []) {
        const listeners = ((await callAws(conn, region, "elbv2", "DescribeListeners", { LoadBalancerArn: lbArn })).output.Listeners ?? []) as { ListenerArn?: string; Port?: number; Protocol?: string }[];
        for (const l of listeners) {
          const found = ((await callAws(conn, region, "elbv2", "DescribeRules", { ListenerArn: l.ListenerArn })).output.Rules ?? []) as RawRule[];
          listenerViews.push({
            arn: l.ListenerArn ?? "",
            label: `${l.Protocol ?? ""} ${l.Port ?? ""}`.trim(),
            priorities: found.filter((r) => !r.IsDefault).map((r) => Number(r.Priority)).filter(Number.isInteger),
          });
          for (const r of found) {
            const weights = ruleWeights(r.Actions);
            if (weights.some((w) => w.targetGroupArn === primary!.arn)) rules.push({ arn: r.RuleArn ?? "", label: ruleLabel(r, l), weights });
          }
        }
      }
    }
  }
  const [roles, existing, alarms] = await Promise.all([listRolesTrusting(conn, ["ecs.amazonaws.com"]), getRole(conn, LOAD_BALANCER_ROLE.name), listAlarms(conn, region)]);
  const strategy = (STRATEGIES as readonly string[]).includes(dc.strategy ?? "") ? (dc.strategy as Strategy) : "ROLLING";
  return {
    controller: s.deploymentController?.type ?? "ECS",
    strategy,
    bakeTime: dc.bakeTimeInMinutes,
    canary: dc.canaryConfiguration ? { percent: dc.canaryConfiguration.canaryPercent ?? 5, bakeTime: dc.canaryConfiguration.canaryBakeTimeInMinutes ?? 10 } : undefined,
    linear: dc.linearConfiguration ? { percent: dc.linearConfiguration.stepPercent ?? 10, bakeTime: dc.linearConfiguration.stepBakeTimeInMinutes ?? 6 } : undefined,
    advanced: lb?.advancedConfiguration ?? null,
    hooks: hookRowsOf(dc.lifecycleHooks),
    alarmSettings: { names: dc.alarms?.alarmNames ?? [], enable: Boolean(dc.alarms?.enable), rollback: Boolean(dc.alarms?.rollback) },
    alarms,
    primary,
    containerName: lb?.containerName ?? "",
    containerPort: lb?.containerPort ?? 0,
    targetGroups,
    rules,
    listeners: listenerViews,
    roles: roles.map((r) => ({ arn: r.arn, name: r.name })),
    roleExists: existing !== null,
    current: { deploymentConfiguration: s.deploymentConfiguration ?? {}, loadBalancers, primary, containerName: lb?.containerName ?? "", containerPort: lb?.containerPort ?? 0 },
  };
}

/** readDeploymentSettings through the shared read cache: what the dialog shows when it opens. */
export const readDeploymentSettingsShared = sharedReader("ecs:DeploymentSettings", readDeploymentSettings);

/** listAlarms shared by everyone opening the service wizard within 30 s: what its alarm picker offers. */
export function listDeploymentAlarmsShared(conn: ConnectionSettings, region: string): Promise<{ name: string; state: string }[]> {
  return live.cache.get(liveKey(conn, region, "cloudwatch", "deployment-alarms"), 30_000, () => listAlarms(conn, region));
}

/** The region's metric and composite alarms, first 100, with their state now (what a deployment may watch). */
export async function listAlarms(conn: ConnectionSettings, region: string): Promise<{ name: string; state: string }[]> {
  const { output } = await callAws(conn, region, "cloudwatch", "DescribeAlarms", { MaxRecords: 100, AlarmTypes: ["MetricAlarm", "CompositeAlarm"] });
  const all = [...((output.MetricAlarms ?? []) as { AlarmName?: string; StateValue?: string }[]), ...((output.CompositeAlarms ?? []) as { AlarmName?: string; StateValue?: string }[])];
  return all.map((a) => ({ name: a.AlarmName ?? "", state: a.StateValue ?? "INSUFFICIENT_DATA" })).filter((a) => a.name).sort((a, b) => a.name.localeCompare(b.name));
}
