import { describe, expect, it } from "vitest";
import { createServiceSchema } from "../services/schema";
import { buildCreateServicePlan } from "../services/plan";
import { targetGroupNameIssue, timingIssues } from "./fields";

const wizard = {
  connectionId: "c1", region: "us-east-1", cluster: "web", serviceName: "api", taskDefinition: "api:3",
  vpcId: "vpc-1", subnets: ["subnet-a1", "subnet-b2"], securityGroupName: "api-sg",
  loadBalancerMode: "new", loadBalancerName: "api-alb", targetGroupName: "api-tg", containerName: "web", containerPort: "8080",
};
const errorOf = (input: Record<string, unknown>, field: string) =>
  createServiceSchema.safeParse(input).error?.issues.find((i) => i.path.join(".") === field)?.message;

describe("the service wizard's deployment strategy", () => {
  it("canary: alternate target group copied from the service's, a listener rule ECS moves, the role, the strategy on CreateService", () => {
    const plan = buildCreateServicePlan(createServiceSchema.parse({ ...wizard, deploymentStrategy: "CANARY", canaryPercent: "10", canaryBakeTime: "1", bakeTime: "0", alternateTargetGroupName: "api-green" }));
    const ops = plan.steps.map((s) => `${s.service}:${s.operation}`);
    expect(ops.slice(-6)).toEqual(["elbv2:CreateListener", "elbv2:CreateTargetGroup", "elbv2:CreateRule", "iam:CreateRole", "iam:AttachRolePolicy", "ecs:CreateService"]);
    const step = (key: string) => plan.steps.find((s) => s.key === key)!;
    const { Name: _a, ...blue } = step("tg").input;
    const { Name: name, ...green } = step("alternateTg").input;
    expect(name).toBe("api-green");
    expect(green).toEqual(blue);
    expect(step("productionRule").input).toMatchObject({
      ListenerArn: { $ref: "listener.listenerArn" },
      Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: { $ref: "tg.targetGroupArn" }, Weight: 100 }, { TargetGroupArn: { $ref: "alternateTg.targetGroupArn" }, Weight: 0 }] } }],
    });
    const service = step("service");
    expect(service.dependsOn).toEqual(["sg", "tg", "listener", "alternateTg", "productionRule", "role", "rolePolicy"]);
    expect(service.input.deploymentConfiguration).toMatchObject({ strategy: "CANARY", bakeTimeInMinutes: 0, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 } });
    expect((service.input.loadBalancers as Record<string, unknown>[])[0]!.advancedConfiguration).toEqual({
      alternateTargetGroupArn: { $ref: "alternateTg.targetGroupArn" }, productionListenerRule: { $ref: "productionRule.ruleArn" }, roleArn: { $ref: "role.roleArn" },
    });
    // A failure part-way is cleaned up: the rule and the green target group have their inverses.
    expect([step("alternateTg").inverse?.operation, step("productionRule").inverse?.operation]).toEqual(["DeleteTargetGroup", "DeleteRule"]);
  });
  it("alarms and lifecycle hooks from the wizard go into CreateService's deploymentConfiguration, validated as in the dialog", () => {
    const hooks = [
      { kind: "lambda", targetArn: "arn:aws:lambda:us-east-1:123456789012:function:smoke", roleArn: "arn:aws:iam::123456789012:role/hooks", stages: ["POST_SCALE_UP"], details: '{"suite":"smoke"}' },
      { kind: "pause", stages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"] },
    ];
    const input = createServiceSchema.parse({ ...wizard, deploymentStrategy: "CANARY", alternateTargetGroupName: "api-green", alarmsEnabled: "true", alarmNames: ["api-5xx"], alarmRollback: "true", hooks });
    const dc = buildCreateServicePlan(input).steps.at(-1)!.input.deploymentConfiguration as Record<string, unknown>;
    expect(dc.alarms).toEqual({ alarmNames: ["api-5xx"], enable: true, rollback: true });
    expect(dc.lifecycleHooks).toEqual([
      { hookTargetArn: hooks[0]!.targetArn, roleArn: hooks[0]!.roleArn, lifecycleStages: ["POST_SCALE_UP"], hookDetails: { suite: "smoke" } },
      { targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"] },
    ]);
    // A rolling service may watch alarms too; hooks need a traffic-shifting strategy.
    expect((buildCreateServicePlan(createServiceSchema.parse({ ...wizard, alarmsEnabled: true, alarmNames: ["api-5xx"] })).steps.at(-1)!.input.deploymentConfiguration as Record<string, unknown>).alarms).toEqual({ alarmNames: ["api-5xx"], enable: true, rollback: false });
    expect(errorOf({ ...wizard, hooks }, "hooks")).toBe("Lifecycle hooks need blue/green, linear or canary deployments.");
    expect(errorOf({ ...wizard, alarmsEnabled: "true" }, "alarmNames")).toBe("Pick at least one CloudWatch alarm to watch.");
    expect(errorOf({ ...wizard, deploymentStrategy: "CANARY", alternateTargetGroupName: "x", hooks: [{ ...hooks[0], targetArn: "nope" }] }, "hooks.0.targetArn")).toMatch(/Lambda function ARN/);
  });
  it("the wizard's rules on its new listener take a condition and a priority; a test rule is created when asked", () => {
    const plan = buildCreateServicePlan(createServiceSchema.parse({
      ...wizard, deploymentStrategy: "BLUE_GREEN", alternateTargetGroupName: "api-green", productionRuleConditionValue: "/api/*", productionRulePriority: "10",
      testRuleMode: "create", testRuleConditionField: "host-header", testRuleConditionValue: "test.example.com", testRulePriority: "11",
    }));
    const step = (key: string) => plan.steps.find((s) => s.key === key)!;
    expect(step("productionRule").input).toMatchObject({ ListenerArn: { $ref: "listener.listenerArn" }, Priority: 10, Conditions: [{ Field: "path-pattern", PathPatternConfig: { Values: ["/api/*"] } }] });
    expect(step("testRule").input).toMatchObject({ Priority: 11, Conditions: [{ Field: "host-header", HostHeaderConfig: { Values: ["test.example.com"] } }] });
    expect((step("service").input.loadBalancers as Record<string, unknown>[])[0]!.advancedConfiguration).toMatchObject({ testListenerRule: { $ref: "testRule.ruleArn" } });
    expect(step("service").dependsOn).toContain("testRule");
    expect(errorOf({ ...wizard, deploymentStrategy: "CANARY", alternateTargetGroupName: "x", testRuleMode: "create", testRuleConditionValue: "t.example.com", testRulePriority: "1" }, "testRulePriority")).toMatch(/another priority/);
    expect(errorOf({ ...wizard, deploymentStrategy: "CANARY", alternateTargetGroupName: "x", productionRuleConditionValue: "" }, "productionRuleConditionValue")).toMatch(/path pattern/);
  });
  it("rolling keeps the plan as it was", () => {
    const plan = buildCreateServicePlan(createServiceSchema.parse(wizard));
    expect(plan.steps.map((s) => s.key)).not.toContain("alternateTg");
    expect((plan.steps.at(-1)!.input.deploymentConfiguration as Record<string, unknown>).strategy).toBeUndefined();
  });
  it("refuses, at the field, what ECS refuses", () => {
    expect(errorOf({ ...wizard, loadBalancerMode: "none", deploymentStrategy: "BLUE_GREEN", alternateTargetGroupName: "x" }, "deploymentStrategy")).toMatch(/add one on the load balancing step/);
    expect(errorOf({ ...wizard, deploymentStrategy: "LINEAR", stepPercent: "1", alternateTargetGroupName: "x" }, "stepPercent")).toMatch(/3 to 100 percent/);
    expect(errorOf({ ...wizard, deploymentStrategy: "CANARY", alternateTargetGroupName: "api-tg" }, "alternateTargetGroupName")).toMatch(/another name/);
    expect(errorOf({ ...wizard, deploymentStrategy: "CANARY", alternateTargetGroupName: "x", lbRoleMode: "existing", lbRoleArn: "nope" }, "lbRoleArn")).toMatch(/ARN of the role/);
  });
});

it("timingIssues and targetGroupNameIssue", () => {
  const issues: string[] = [];
  timingIssues({ strategy: "CANARY", bakeTime: 0, canaryPercent: 0, canaryBakeTime: 0, stepPercent: 0, stepBakeTime: 0 }, (p) => issues.push(p));
  expect(issues).toEqual(["canaryPercent"]);
  expect(targetGroupNameIssue("ok-name")).toBeNull();
  expect(targetGroupNameIssue("")).toMatch(/Enter a name/);
});
