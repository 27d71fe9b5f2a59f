import { describe, expect, it } from "vitest";
import { buildDeploymentStrategyPlan, type CurrentDeploymentSettings } from "./plan";
import { strategyErrors } from "./checks";
import { deploymentStrategySchema } from "./schema";

const RULE = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/36daacee86e60d1b/06ea82bba40fcb0e/140068101090320";
const PRIMARY = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-tg/336f51ce900f68a2";
const GREEN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-green/02db6066e9c521b1";
const ROLE = "arn:aws:iam::123456789012:role/lb-role";
const LISTENER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/36daacee86e60d1b/06ea82bba40fcb0e";
const primary = {
  arn: PRIMARY, name: "api-tg", protocol: "HTTP", port: 8080, vpcId: "vpc-1", targetType: "ip",
  healthCheck: { protocol: "HTTP", path: "/ready", interval: 15, timeout: 4, healthy: 3, unhealthy: 4, matcher: "200" },
};
const current: CurrentDeploymentSettings = {
  deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
  loadBalancers: [{ targetGroupArn: PRIMARY, containerName: "web", containerPort: 8080 }],
  primary, containerName: "web", containerPort: 8080,
};
const base = { connectionId: "c1", region: "us-east-1", cluster: "prod", service: "api" };
const parse = (v: Record<string, unknown>) => deploymentStrategySchema.parse({ ...base, ...v });

describe("buildDeploymentStrategyPlan", () => {
  it("canary with a new target group and role: the target group copies the health check, UpdateService references both", () => {
    const plan = buildDeploymentStrategyPlan(parse({ strategy: "CANARY", canaryPercent: "10", canaryBakeTime: "1", bakeTime: "0", alternateTargetGroupName: "api-green", productionListenerRule: RULE }), current);
    expect(plan.steps.map((s) => `${s.service}:${s.operation}`)).toEqual(["elbv2:CreateTargetGroup", "iam:CreateRole", "iam:AttachRolePolicy", "ecs:UpdateService"]);
    expect(plan.steps[0]!.input).toMatchObject({ Name: "api-green", Port: 8080, VpcId: "vpc-1", TargetType: "ip", HealthCheckPath: "/ready", HealthCheckIntervalSeconds: 15, HealthyThresholdCount: 3, UnhealthyThresholdCount: 4 });
    expect(plan.steps[2]!.input).toEqual({ RoleName: "ecsInfrastructureRoleForLoadBalancers", PolicyArn: "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers" });
    const update = plan.steps[3]!;
    expect(update.dependsOn).toEqual(["alternateTg", "role", "rolePolicy"]);
    expect(update.input).toEqual({
      cluster: "prod", service: "api",
      deploymentConfiguration: {
        minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true },
        strategy: "CANARY", bakeTimeInMinutes: 0, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 },
      },
      loadBalancers: [{
        targetGroupArn: PRIMARY, containerName: "web", containerPort: 8080,
        advancedConfiguration: { alternateTargetGroupArn: { $ref: "alternateTg.targetGroupArn" }, productionListenerRule: RULE, roleArn: { $ref: "role.roleArn" } },
      }],
    });
    expect(update.inverse?.input).toEqual({ cluster: "prod", service: "api", deploymentConfiguration: current.deploymentConfiguration, loadBalancers: current.loadBalancers });
    expect(plan.title).toBe("Use canary (10 % first, the rest after 1 min) deployments for api");
  });
  it("linear with picked target group and role is one UpdateService with linearConfiguration only", () => {
    const plan = buildDeploymentStrategyPlan(parse({ strategy: "LINEAR", stepPercent: "20", stepBakeTime: "2", alternateTargetGroupMode: "existing", alternateTargetGroupArn: GREEN, productionListenerRule: RULE, roleMode: "existing", roleArn: ROLE }), current);
    expect(plan.steps).toHaveLength(1);
    const dc = plan.steps[0]!.input.deploymentConfiguration as Record<string, unknown>;
    expect(dc).toMatchObject({ strategy: "LINEAR", bakeTimeInMinutes: 15, linearConfiguration: { stepPercent: 20, stepBakeTimeInMinutes: 2 } });
    expect(dc.canaryConfiguration).toBeUndefined();
  });
  it("lifecycle hooks go into deploymentConfiguration.lifecycleHooks, each with its stages in deployment order and its details", () => {
    const hook = "arn:aws:lambda:us-east-1:123456789012:function:smoke";
    const gate = "arn:aws:lambda:us-east-1:123456789012:function:gate";
    const plan = buildDeploymentStrategyPlan(parse({ strategy: "BLUE_GREEN", alternateTargetGroupName: "api-green", productionListenerRule: RULE, hooks: [
      { kind: "lambda", targetArn: hook, roleArn: ROLE, stages: ["POST_PRODUCTION_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT"], details: '{"suite":"smoke"}' },
      { kind: "lambda", targetArn: gate, roleArn: ROLE, stages: ["PRE_SCALE_UP"] },
    ] }), current);
    expect((plan.steps.at(-1)!.input.deploymentConfiguration as Record<string, unknown>).lifecycleHooks).toEqual([
      { hookTargetArn: hook, roleArn: ROLE, lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT"], hookDetails: { suite: "smoke" } },
      { hookTargetArn: gate, roleArn: ROLE, lifecycleStages: ["PRE_SCALE_UP"] },
    ]);
  });
  it("back to rolling drops the strategy's settings and the advanced configuration", () => {
    const shifting: CurrentDeploymentSettings = {
      ...current,
      deploymentConfiguration: { ...current.deploymentConfiguration, strategy: "CANARY", bakeTimeInMinutes: 5, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 } },
      loadBalancers: [{ ...current.loadBalancers[0], advancedConfiguration: { alternateTargetGroupArn: GREEN, productionListenerRule: RULE, roleArn: ROLE } }],
    };
    const plan = buildDeploymentStrategyPlan(parse({ strategy: "ROLLING" }), shifting);
    expect(plan.steps[0]!.input).toEqual({
      cluster: "prod", service: "api",
      deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true }, strategy: "ROLLING" },
      loadBalancers: [{ targetGroupArn: PRIMARY, containerName: "web", containerPort: 8080 }],
    });
  });
});

describe("strategyErrors", () => {
  const context = {
    controller: "ECS", strategy: "ROLLING" as const, advanced: null, primary, containerName: "web", containerPort: 8080,
    targetGroups: [{ arn: GREEN, name: "api-green" }], rules: [{ arn: RULE, label: "HTTP 80 · default rule", weights: [{ targetGroupArn: PRIMARY, weight: 1 }] }],
    roles: [{ arn: ROLE, name: "lb-role" }], roleExists: false,
    alarmSettings: { names: [], enable: false, rollback: false }, alarms: [{ name: "api-5xx", state: "OK" }], hooks: [],
    listeners: [{ arn: LISTENER, label: "HTTP 80", priorities: [1, 2] }],
  };
  const canary = { strategy: "CANARY", alternateTargetGroupName: "api-blue", productionListenerRule: RULE };
  it("passes a valid combination", () => {
    expect(strategyErrors(parse(canary), context)).toEqual({});
  });
  it("refuses what ECS refuses", () => {
    expect(strategyErrors(parse(canary), { ...context, primary: null }).strategy?.[0]).toMatch(/has no load balancer/);
    expect(strategyErrors(parse(canary), { ...context, controller: "CODE_DEPLOY" }).strategy?.[0]).toMatch(/ECS deployment controller/);
    expect(strategyErrors(parse({ ...canary, alternateTargetGroupMode: "existing", alternateTargetGroupArn: PRIMARY }), context).alternateTargetGroupArn?.[0]).toMatch(/own target group/);
    expect(strategyErrors(parse({ ...canary, alternateTargetGroupName: "api-green" }), context).alternateTargetGroupName?.[0]).toMatch(/exists/);
    expect(strategyErrors(parse(canary), { ...context, rules: [] }).productionListenerRule?.[0]).toMatch(/does not forward to api-tg/);
    expect(strategyErrors(parse(canary), { ...context, roleExists: true }).roleMode?.[0]).toMatch(/exists; pick it/);
    expect(strategyErrors(parse({ ...canary, roleMode: "existing", roleArn: "arn:aws:iam::123456789012:role/other" }), context).roleArn?.[0]).toMatch(/ecs.amazonaws.com/);
    expect(strategyErrors(parse({ strategy: "ROLLING" }), { ...context, primary: null })).toEqual({});
  });
  it("a created rule goes on a listener of the service's load balancer, at a free priority", () => {
    const create = { ...canary, productionListenerRule: "", productionRuleMode: "create", productionRuleListenerArn: LISTENER, productionRuleConditionValue: "/api/*", productionRulePriority: "3" };
    expect(strategyErrors(parse(create), context)).toEqual({});
    expect(strategyErrors(parse({ ...create, productionRulePriority: "2" }), context).productionRulePriority?.[0]).toBe("Priority 2 is taken on HTTP 80; pick a free one (3 is free).");
    expect(strategyErrors(parse(create), { ...context, listeners: [] }).productionRuleListenerArn?.[0]).toMatch(/listener of the service's load balancer/);
  });
  it("refuses alarms that do not exist in the region, for any strategy", () => {
    expect(strategyErrors(parse({ strategy: "ROLLING", alarmsEnabled: "true", alarmNames: ["api-5xx"] }), context)).toEqual({});
    expect(strategyErrors(parse({ strategy: "ROLLING", alarmsEnabled: "true", alarmNames: ["gone"] }), context).alarmNames?.[0]).toBe("No CloudWatch alarm named gone in this region.");
  });
});

describe("alarms in the plan", () => {
  it("sets the watched alarms with rollback, and switches them off when they were on", () => {
    const on = buildDeploymentStrategyPlan(parse({ strategy: "ROLLING", alarmsEnabled: "true", alarmNames: ["api-5xx"], alarmRollback: "true" }), current);
    expect((on.steps[0]!.input as { deploymentConfiguration: Record<string, unknown> }).deploymentConfiguration.alarms).toEqual({ alarmNames: ["api-5xx"], enable: true, rollback: true });
    const wasOn = { ...current, deploymentConfiguration: { ...current.deploymentConfiguration, alarms: { alarmNames: ["api-5xx"], enable: true, rollback: true } } };
    const off = buildDeploymentStrategyPlan(parse({ strategy: "ROLLING" }), wasOn);
    expect((off.steps[0]!.input as { deploymentConfiguration: Record<string, unknown> }).deploymentConfiguration.alarms).toEqual({ alarmNames: [], enable: false, rollback: false });
    expect((off.steps[0]!.inverse!.input as { deploymentConfiguration: Record<string, unknown> }).deploymentConfiguration.alarms).toEqual({ alarmNames: ["api-5xx"], enable: true, rollback: true });
  });
});

it("production and test rules created on a listener: 100 % to the service's target group, 0 % to the alternate, undone by DeleteRule, referenced by UpdateService", () => {
  const plan = buildDeploymentStrategyPlan(parse({
    strategy: "BLUE_GREEN", alternateTargetGroupName: "api-green", roleMode: "existing", roleArn: ROLE,
    productionRuleMode: "create", productionRuleListenerArn: LISTENER, productionRuleConditionValue: "/api/*", productionRulePriority: "10",
    testRuleMode: "create", testRuleListenerArn: LISTENER, testRuleConditionField: "host-header", testRuleConditionValue: "test.example.com", testRulePriority: "11",
  }), current);
  expect(plan.steps.map((s) => s.key)).toEqual(["alternateTg", "productionRule", "testRule", "service"]);
  const rule = plan.steps[1]!;
  expect(rule.dependsOn).toEqual(["alternateTg"]);
  expect(rule.input).toEqual({
    ListenerArn: LISTENER, Priority: 10, Conditions: [{ Field: "path-pattern", PathPatternConfig: { Values: ["/api/*"] } }],
    Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: PRIMARY, Weight: 100 }, { TargetGroupArn: { $ref: "alternateTg.targetGroupArn" }, Weight: 0 }] } }],
  });
  expect(rule.inverse).toMatchObject({ operation: "DeleteRule", input: { RuleArn: { $ref: "productionRule.ruleArn" } } });
  expect(plan.steps[2]!.input.Conditions).toEqual([{ Field: "host-header", HostHeaderConfig: { Values: ["test.example.com"] } }]);
  expect((plan.steps[3]!.input.loadBalancers as Record<string, unknown>[])[0]!.advancedConfiguration).toEqual({
    alternateTargetGroupArn: { $ref: "alternateTg.targetGroupArn" }, productionListenerRule: { $ref: "productionRule.ruleArn" }, testListenerRule: { $ref: "testRule.ruleArn" }, roleArn: ROLE,
  });
  expect(plan.steps[3]!.dependsOn).toEqual(["alternateTg", "productionRule", "testRule"]);
});

it("a created rule is checked at its fields before any AWS call", () => {
  const errors = (v: Record<string, unknown>) => deploymentStrategySchema.safeParse({ ...base, strategy: "CANARY", alternateTargetGroupName: "g", productionRuleMode: "create", productionRuleListenerArn: LISTENER, productionRuleConditionValue: "/x", ...v }).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
  expect(errors({})).toEqual([]);
  expect(errors({ productionRulePriority: "0" })).toEqual(["productionRulePriority: Rule priorities are 1 to 50000."]);
  expect(errors({ productionRulePriority: "1.5" })[0]).toMatch(/whole number/);
  expect(errors({ productionRuleListenerArn: "nope" })).toEqual(["productionRuleListenerArn: Pick the listener to create the rule on."]);
  expect(errors({ productionRuleConditionValue: "" })[0]).toMatch(/^productionRuleConditionValue: Enter a path pattern/);
  expect(errors({ productionRuleConditionField: "host-header", productionRuleConditionValue: "a b" })[0]).toMatch(/^productionRuleConditionValue: Enter a host name/);
  expect(errors({ testRuleMode: "create", testRuleListenerArn: LISTENER, testRuleConditionValue: "/t", testRulePriority: "1" })).toEqual(["testRulePriority: The test rule needs another priority than the production rule on the same listener."]);
});

it("a pause hook goes into lifecycleHooks as targetType PAUSE", () => {
  const plan = buildDeploymentStrategyPlan(parse({ strategy: "BLUE_GREEN", alternateTargetGroupName: "api-blue", productionListenerRule: RULE, hooks: [{ kind: "pause", stages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"] }] }), current);
  const dc = (plan.steps.at(-1)!.input as { deploymentConfiguration: Record<string, unknown> }).deploymentConfiguration;
  expect(dc.lifecycleHooks).toEqual([{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"] }]);
});
