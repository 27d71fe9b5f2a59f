import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { deploymentStrategySchema } from "./schema";

const RULE = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/36daacee86e60d1b/06ea82bba40fcb0e/140068101090320";
const RULE2 = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/36daacee86e60d1b/06ea82bba40fcb0e/140068101090321";
const TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/02db6066e9c521b1";
const base = { connectionId: "c1", region: "us-east-1", cluster: "prod", service: "api" };
const canary = { ...base, strategy: "CANARY", alternateTargetGroupName: "api-green", productionListenerRule: RULE };
const errorOf = (input: Record<string, unknown>, field: string) =>
  deploymentStrategySchema.safeParse(input).error?.issues.find((i) => i.path.join(".") === field)?.message;

describe("deploymentStrategySchema", () => {
  it("refuses alarm combinations that do nothing or that ECS refuses, at the field", () => {
    const rolling = { ...base, strategy: "ROLLING" };
    expect(errorOf({ ...rolling, alarmsEnabled: "true" }, "alarmNames")).toBe("Pick at least one CloudWatch alarm to watch.");
    expect(errorOf({ ...rolling, alarmRollback: "true" }, "alarmRollback")).toBe("Rollback on alarm needs CloudWatch alarms to watch.");
    expect(errorOf({ ...rolling, alarmNames: ["a"] }, "alarmNames")).toMatch(/Turn on/);
    expect(errorOf({ ...rolling, alarmsEnabled: "true", alarmNames: ["a", "a"] }, "alarmNames")).toBe("Each alarm once.");
    expect(errorOf({ ...rolling, alarmsEnabled: "true", alarmNames: Array.from({ length: 11 }, (_, i) => `a${i}`) }, "alarmNames")).toBe("Pick at most 10 alarms.");
    expect(errorOf({ ...rolling, alarmsEnabled: "true", alarmNames: ["x".repeat(256)] }, "alarmNames.0")).toBe("Alarm names are 1 to 255 characters.");
    expect(deploymentStrategySchema.parse({ ...canary, alarmsEnabled: "true", alarmNames: ["api-5xx"], alarmRollback: "true" })).toMatchObject({ alarmsEnabled: true, alarmNames: ["api-5xx"], alarmRollback: true });
  });
  it("refuses pause hooks at traffic shift stages and hooks on rolling updates", () => {
    expect(errorOf({ ...canary, hooks: [{ kind: "pause", stages: ["PRODUCTION_TRAFFIC_SHIFT"] }] }, "hooks.0.stages")).toMatch(/cannot hold a deployment during test or production traffic shift/);
    expect(errorOf({ ...base, strategy: "ROLLING", hooks: [{ kind: "pause", stages: ["PRE_SCALE_UP"] }] }, "hooks")).toBe("Lifecycle hooks need blue/green, linear or canary deployments.");
    expect(deploymentStrategySchema.safeParse({ ...canary, hooks: [{ kind: "pause", stages: ["POST_TEST_TRAFFIC_SHIFT"] }] }).success).toBe(true);
  });
  it("takes several hooks, at most 10, each checked at its own row", () => {
    const lambda = (name: string, extra: Record<string, unknown> = {}) => ({ kind: "lambda", targetArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`, roleArn: "arn:aws:iam::123456789012:role/h", stages: ["PRE_SCALE_UP"], ...extra });
    expect(deploymentStrategySchema.parse({ ...canary, hooks: [lambda("a"), lambda("b", { details: '{"x":1}' }), { kind: "pause", stages: ["POST_SCALE_UP"] }] }).hooks).toHaveLength(3);
    expect(errorOf({ ...canary, hooks: [lambda("a"), lambda("b", { roleArn: "" })] }, "hooks.1.roleArn")).toMatch(/role ECS uses to call the hook/);
    expect(errorOf({ ...canary, hooks: [lambda("a", { details: "[1]" })] }, "hooks.0.details")).toMatch(/JSON object/);
    expect(errorOf({ ...canary, hooks: Array.from({ length: 11 }, (_, i) => lambda(`h${i}`)) }, "hooks")).toBe("At most 10 lifecycle hooks.");
  });
  it("ends quickly on hostile alarm names", () => {
    fc.assert(fc.property(hostile, (text) => typeof quick(() => deploymentStrategySchema.safeParse({ ...base, strategy: "ROLLING", alarmsEnabled: "true", alarmNames: [text] })).success === "boolean"), { numRuns: 200 });
  });
  it("takes rolling with nothing else, and the console's defaults for the others", () => {
    expect(deploymentStrategySchema.parse({ ...base, strategy: "ROLLING" }).strategy).toBe("ROLLING");
    const v = deploymentStrategySchema.parse(canary);
    expect([v.bakeTime, v.canaryPercent, v.canaryBakeTime, v.stepPercent, v.stepBakeTime]).toEqual([15, 5, 10, 10, 6]);
    expect(v.alternateTargetGroupMode).toBe("create");
    expect(v.roleMode).toBe("create");
  });
  it("takes canary and linear percentages with one decimal", () => {
    expect(deploymentStrategySchema.parse({ ...canary, canaryPercent: "0.1" }).canaryPercent).toBe(0.1);
    expect(deploymentStrategySchema.parse({ ...canary, strategy: "LINEAR", stepPercent: "12.5" }).stepPercent).toBe(12.5);
  });
  it.each([
    [{ canaryPercent: "0" }, "canaryPercent", /0.1 to 100 percent/],
    [{ canaryPercent: "101" }, "canaryPercent", /0.1 to 100 percent/],
    [{ canaryPercent: "" }, "canaryPercent", /at most one decimal/],
    [{ canaryBakeTime: "1441" }, "canaryBakeTime", /0 to 1440 minutes/],
    [{ canaryBakeTime: "1.5" }, "canaryBakeTime", /whole minutes/],
    [{ bakeTime: "2000" }, "bakeTime", /Bake time is 0 to 1440/],
    [{ strategy: "LINEAR", stepPercent: "2" }, "stepPercent", /3 to 100 percent/],
    [{ strategy: "LINEAR", stepBakeTime: "-1" }, "stepBakeTime", /whole minutes/],
    [{ productionListenerRule: "" }, "productionListenerRule", /production traffic/],
    [{ testListenerRule: RULE }, "testListenerRule", /another rule than the production one/],
    [{ testListenerRule: "arn:nope" }, "testListenerRule", /Pick a listener rule, or none/],
    [{ alternateTargetGroupName: "" }, "alternateTargetGroupName", /Enter a name/],
    [{ alternateTargetGroupName: "-bad-" }, "alternateTargetGroupName", /letters, digits or hyphens/],
    [{ alternateTargetGroupName: "x".repeat(33) }, "alternateTargetGroupName", /1 to 32/],
    [{ alternateTargetGroupMode: "existing", alternateTargetGroupArn: "" }, "alternateTargetGroupArn", /Pick the alternate/],
    [{ roleMode: "existing", roleArn: "role" }, "roleArn", /Pick the IAM role/],
    [{ strategy: "ROLLOUT" }, "strategy", /Pick a deployment strategy/],
    [{ hooks: [{ targetArn: "arn:aws:lambda:us-east-1:123456789012:fn", roleArn: "arn:aws:iam::123456789012:role/h", stages: ["PRE_SCALE_UP"] }] }, "hooks.0.targetArn", /Lambda function ARN/],
    [{ hooks: [{ targetArn: "arn:aws:lambda:us-east-1:123456789012:function:smoke", stages: ["PRE_SCALE_UP"] }] }, "hooks.0.roleArn", /role ECS uses to call the hook/],
    [{ hooks: [{ targetArn: "arn:aws:lambda:us-east-1:123456789012:function:smoke", roleArn: "arn:aws:iam::123456789012:role/h" }] }, "hooks.0.stages", /at least one stage/],
    [{ hooks: [{ targetArn: "arn:aws:lambda:us-east-1:123456789012:function:smoke", roleArn: "arn:aws:iam::123456789012:role/h", stages: ["LATER"] }] }, "hooks.0.stages.0", /Pick stages from the list/],
  ])("refuses %j at %s", (patch, field, message) => {
    expect(errorOf({ ...canary, ...patch }, field)).toMatch(message);
  });
  it("does not ask a rolling update for traffic-shifting settings, nor canary for linear's", () => {
    expect(deploymentStrategySchema.safeParse({ ...base, strategy: "ROLLING", productionListenerRule: "", canaryPercent: "0" }).success).toBe(true);
    expect(deploymentStrategySchema.safeParse({ ...canary, stepPercent: "1" }).success).toBe(true);
    expect(deploymentStrategySchema.safeParse({ ...canary, strategy: "BLUE_GREEN", canaryPercent: "0", alternateTargetGroupMode: "existing", alternateTargetGroupArn: TG, testListenerRule: RULE2 }).success).toBe(true);
  });
  it("ends quickly on hostile text in every field", () => {
    const fields = ["strategy", "bakeTime", "canaryPercent", "stepPercent", "alternateTargetGroupName", "alternateTargetGroupArn", "productionListenerRule", "testListenerRule", "roleArn",
      "productionRuleListenerArn", "productionRuleConditionValue", "productionRulePriority", "productionRuleConditionField"];
    fc.assert(
      fc.property(fc.constantFrom(...fields), hostile, (field, text) => {
        const r = quick(() => deploymentStrategySchema.safeParse({ ...canary, productionRuleMode: "create", [field]: text }));
        expect(typeof r.success).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});
