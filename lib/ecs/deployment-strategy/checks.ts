import type { DeploymentSettingsContext } from "./reads";
import { LOAD_BALANCER_ROLE, shiftsTraffic, type Strategy } from "./fields";
import type { DeploymentStrategyInput } from "./schema";
import { ruleErrors } from "./rules";

/**
 * The checks that need AWS's answer, made on a fresh read before any change: ECS only shifts
 * traffic for services it deploys itself, through their load balancer, with rules that forward to
 * the service's target group, and creates no role or target group whose name is taken.
 */
export function strategyErrors(input: DeploymentStrategyInput, c: Omit<DeploymentSettingsContext, "current">): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => void (errors[field] ??= []).push(message);
  const missing = missingAlarms(input, c.alarms);
  if (missing) add("alarmNames", missing);
  if (!shiftsTraffic(input.strategy)) return errors;
  if (c.controller !== "ECS") add("strategy", `${input.service} is deployed by ${c.controller}; blue/green, linear and canary need the ECS deployment controller.`);
  if (!c.primary) {
    add("strategy", `${input.service} has no load balancer: blue/green, linear and canary move traffic between two target groups of one.`);
    return errors;
  }
  if (input.alternateTargetGroupMode === "existing") {
    if (input.alternateTargetGroupArn === c.primary.arn) add("alternateTargetGroupArn", `${c.primary.name} is the service's own target group; the alternate must be another one.`);
    else if (!c.targetGroups.some((t) => t.arn === input.alternateTargetGroupArn)) add("alternateTargetGroupArn", `Pick a target group in the service's VPC with target type ${c.primary.targetType}.`);
  } else if (c.targetGroups.some((t) => t.name === input.alternateTargetGroupName) || c.primary.name === input.alternateTargetGroupName) {
    add("alternateTargetGroupName", `A target group named ${input.alternateTargetGroupName} exists; pick it or choose another name.`);
  }
  if (input.productionRuleMode === "existing" && !c.rules.some((r) => r.arn === input.productionListenerRule)) add("productionListenerRule", `This rule does not forward to ${c.primary.name}; pick one that does.`);
  if (input.testRuleMode === "existing" && input.testListenerRule && !c.rules.some((r) => r.arn === input.testListenerRule)) add("testListenerRule", `This rule does not forward to ${c.primary.name}; pick one that does, or none.`);
  ruleErrors(input, c.listeners, add);
  if (input.roleMode === "create" && c.roleExists) add("roleMode", `A role named ${LOAD_BALANCER_ROLE.name} exists; pick it.`);
  if (input.roleMode === "existing" && !c.roles.some((r) => r.arn === input.roleArn)) add("roleArn", "Pick a role that ECS (ecs.amazonaws.com) may assume.");
  return errors;
}

/** The watched alarms that do not exist in the region (ECS would refuse them), as the field's message; null when all do. */
export function missingAlarms(input: { alarmsEnabled: boolean; alarmNames: string[] }, alarms: { name: string }[]): string | null {
  const known = new Set(alarms.map((a) => a.name));
  const missing = input.alarmsEnabled ? input.alarmNames.filter((n) => !known.has(n)) : [];
  return missing.length ? `No CloudWatch alarm named ${missing.join(", ")} in this region.` : null;
}
