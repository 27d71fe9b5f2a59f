import { trustPolicy } from "@/lib/iam/roles";
import type { Plan, PlanRef, PlanStep } from "@/lib/core/plans/types";
import { LOAD_BALANCER_ROLE, alarmsConfiguration, shiftsTraffic, type Strategy } from "./fields";
import type { DeploymentStrategyInput } from "./schema";
import { lifecycleHooks, type HookRow } from "./hooks";
import { createRuleStep, newRule } from "./rules";
import { servicePath } from "../services/plan";

export const DEPLOYMENT_STRATEGY_WIZARD = "ecs-service-deployment-strategy";

/** The service's target group as ELBv2 describes it: what a new alternate target group copies. */
export type PrimaryTargetGroup = {
  arn: string;
  name: string;
  protocol: string;
  port: number;
  vpcId: string;
  targetType: string;
  healthCheck: { protocol: string; path: string; interval: number; timeout: number; healthy: number; unhealthy: number; matcher: string };
};

/** What the service holds now: the plan keeps what it does not change and its inverse puts this back. */
export type CurrentDeploymentSettings = {
  deploymentConfiguration: Record<string, unknown>;
  loadBalancers: Record<string, unknown>[];
  primary: PrimaryTargetGroup | null;
  containerName: string;
  containerPort: number;
};

const ref = (path: string): PlanRef => ({ $ref: path });

/** The settings of a strategy that ECS reads; the ones of other strategies are left out (ECS refuses them). */
export function strategyConfiguration(input: {
  strategy: Strategy; bakeTime: number; canaryPercent: number; canaryBakeTime: number; stepPercent: number; stepBakeTime: number;
  hooks?: HookRow[];
}): Record<string, unknown> {
  if (!shiftsTraffic(input.strategy)) return { strategy: "ROLLING" };
  const hooks = lifecycleHooks(input.hooks ?? []);
  return {
    strategy: input.strategy,
    bakeTimeInMinutes: input.bakeTime,
    ...(input.strategy === "CANARY" ? { canaryConfiguration: { canaryPercent: input.canaryPercent, canaryBakeTimeInMinutes: input.canaryBakeTime } } : {}),
    ...(input.strategy === "LINEAR" ? { linearConfiguration: { stepPercent: input.stepPercent, stepBakeTimeInMinutes: input.stepBakeTime } } : {}),
    ...(hooks.length ? { lifecycleHooks: hooks } : {}),
  };
}

/** Drop the strategy fields from the current configuration; minimum/maximum percent and circuit breaker stay (alarms are set by the form). */
function kept(dc: Record<string, unknown>): Record<string, unknown> {
  const { strategy: _s, bakeTimeInMinutes: _b, canaryConfiguration: _c, linearConfiguration: _l, lifecycleHooks: _h, ...rest } = dc;
  return rest;
}

function createTargetGroup(name: string, tg: PrimaryTargetGroup): PlanStep {
  const hc = tg.healthCheck;
  return {
    key: "alternateTg",
    service: "elbv2",
    operation: "CreateTargetGroup",
    description: `Create the alternate (green) target group ${name}, with ${tg.name}'s port and health check`,
    input: {
      Name: name,
      Protocol: tg.protocol,
      Port: tg.port,
      VpcId: tg.vpcId,
      TargetType: tg.targetType,
      HealthCheckEnabled: true,
      HealthCheckProtocol: hc.protocol,
      HealthCheckPath: hc.path,
      HealthCheckIntervalSeconds: hc.interval,
      HealthCheckTimeoutSeconds: hc.timeout,
      HealthyThresholdCount: hc.healthy,
      UnhealthyThresholdCount: hc.unhealthy,
      Matcher: { HttpCode: hc.matcher },
    },
    produces: { targetGroupArn: "TargetGroups.0.TargetGroupArn" },
    inverse: { service: "elbv2", operation: "DeleteTargetGroup", description: `Delete target group ${name}`, input: { TargetGroupArn: ref("alternateTg.targetGroupArn") } },
  };
}

/** CreateRole (trusting ECS) and AttachRolePolicy with AWS's managed policy for load balancer changes. */
export function createRoleSteps(): PlanStep[] {
  const { name, principal, policyArn } = LOAD_BALANCER_ROLE;
  const policy = policyArn.split("/").pop();
  return [
    {
      key: "role",
      service: "iam",
      operation: "CreateRole",
      description: `Create IAM role ${name}, which ECS assumes to move traffic between the target groups`,
      input: { RoleName: name, AssumeRolePolicyDocument: trustPolicy(principal), Description: "Lets ECS change listener rules during blue/green, linear and canary deployments." },
      produces: { roleArn: "Role.Arn" },
      inverse: { service: "iam", operation: "DeleteRole", description: `Delete IAM role ${name}`, input: { RoleName: name } },
    },
    {
      key: "rolePolicy",
      service: "iam",
      operation: "AttachRolePolicy",
      description: `Attach ${policy} to ${name}`,
      dependsOn: ["role"],
      input: { RoleName: name, PolicyArn: policyArn },
      inverse: { service: "iam", operation: "DetachRolePolicy", description: `Detach ${policy} from ${name}`, input: { RoleName: name, PolicyArn: policyArn } },
    },
  ];
}

/**
 * Switch a service's deployment strategy: for blue/green, linear and canary the alternate target
 * group and the role are created when asked, then one UpdateService sets the strategy and the load
 * balancer's advanced configuration (alternate target group, production and test listener rules,
 * role). Back to rolling drops the advanced configuration. Undone by putting the old settings back.
 */
export function buildDeploymentStrategyPlan(input: DeploymentStrategyInput, current: CurrentDeploymentSettings): Plan {
  const steps: PlanStep[] = [];
  const shifting = shiftsTraffic(input.strategy);
  const primary = current.primary;
  if (shifting && !primary) throw new Error("A traffic-shifting strategy needs the service's load balancer");
  let loadBalancers: Record<string, unknown>[] | undefined;
  if (shifting && primary) {
    if (input.alternateTargetGroupMode === "create") steps.push(createTargetGroup(input.alternateTargetGroupName, primary));
    const alternate = input.alternateTargetGroupMode === "create" ? ref("alternateTg.targetGroupArn") : input.alternateTargetGroupArn;
    const after = input.alternateTargetGroupMode === "create" ? ["alternateTg"] : [];
    for (const which of ["production", "test"] as const) {
      const rule = newRule(input, which);
      if (rule) steps.push(createRuleStep(which, rule, primary.arn, alternate, after));
    }
    if (input.roleMode === "create") steps.push(...createRoleSteps());
    loadBalancers = [
      {
        targetGroupArn: primary.arn,
        containerName: current.containerName,
        containerPort: current.containerPort,
        advancedConfiguration: {
          alternateTargetGroupArn: alternate,
          productionListenerRule: input.productionRuleMode === "create" ? ref("productionRule.ruleArn") : input.productionListenerRule,
          ...(input.testRuleMode === "create" ? { testListenerRule: ref("testRule.ruleArn") } : input.testListenerRule ? { testListenerRule: input.testListenerRule } : {}),
          roleArn: input.roleMode === "create" ? ref("role.roleArn") : input.roleArn,
        },
      },
    ];
  } else if (current.loadBalancers.some((lb) => lb.advancedConfiguration)) {
    loadBalancers = current.loadBalancers.map(({ advancedConfiguration: _a, ...lb }) => lb);
  }
  const ids = { cluster: input.cluster, service: input.service };
  steps.push({
    key: "service",
    service: "ecs",
    operation: "UpdateService",
    description: `Deploy ${input.service} with the ${label(input)} strategy from its next deployment on`,
    ...(steps.length ? { dependsOn: steps.map((s) => s.key) } : {}),
    input: {
      ...ids,
      deploymentConfiguration: { ...kept(current.deploymentConfiguration), ...strategyConfiguration(input), ...alarmsConfiguration(input, Boolean((current.deploymentConfiguration.alarms as { enable?: boolean } | undefined)?.enable)) },
      ...(loadBalancers ? { loadBalancers } : {}),
    },
    inverse: {
      service: "ecs",
      operation: "UpdateService",
      description: `Put ${input.service}'s previous deployment settings back`,
      input: { ...ids, deploymentConfiguration: current.deploymentConfiguration, ...(loadBalancers ? { loadBalancers: current.loadBalancers } : {}) },
    },
  });
  return {
    version: 1,
    wizard: DEPLOYMENT_STRATEGY_WIZARD,
    title: `Use ${label(input)} deployments for ${input.service}`,
    resources: [`ecs:service/${input.cluster}/${input.service}`, `ecs:cluster/${input.cluster}`],
    landing: servicePath(input.cluster, input.service),
    steps,
  };
}

/** "canary (10 % then the rest after 1 min)", as the review title and the service page say it. */
export function label(input: Pick<DeploymentStrategyInput, "strategy" | "canaryPercent" | "canaryBakeTime" | "stepPercent" | "stepBakeTime">): string {
  switch (input.strategy) {
    case "ROLLING":
      return "rolling update";
    case "BLUE_GREEN":
      return "blue/green";
    case "CANARY":
      return `canary (${input.canaryPercent} % first, the rest after ${input.canaryBakeTime} min)`;
    case "LINEAR":
      return `linear (${input.stepPercent} % every ${input.stepBakeTime} min)`;
  }
}
