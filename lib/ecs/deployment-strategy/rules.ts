import { z } from "zod";
import type { PlanRef, PlanStep } from "@/lib/core/plans/types";

/**
 * "Create a rule on listener L" for the production and the optional test listener rule, besides
 * picking an existing one: a path or host condition, a priority that is free on that listener,
 * forwarding 100 % to the service's target group and 0 % to the alternate, which ECS then moves.
 * ELBv2's limits: priority 1–50000, a condition value of 1–128 characters from its character set.
 */
export const RULE_PRIORITY = { min: 1, max: 50_000 } as const;
export const LISTENER_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener\/(app|net)\/[A-Za-z0-9-]{1,32}\/[0-9a-f]+\/[0-9a-f]+$/;
/** ELBv2's path-pattern characters (and * ? wildcards). */
const PATH = /^[A-Za-z0-9_\-.$/~"'@:+&()!,;=*?]{1,128}$/;
/** Host names with * ? wildcards. */
const HOST = /^[A-Za-z0-9\-.*?]{1,128}$/;

export const CONDITION_FIELDS = ["path-pattern", "host-header"] as const;
export type RuleWhich = "production" | "test";

const whole = z.union([z.number(), z.string().trim()]).refine((v) => (typeof v === "number" ? Number.isInteger(v) : /^\d{1,5}$/.test(v)), "Enter the priority as a whole number.").transform(Number);

/** The fields of the production and the test rule, each picked or created. */
export const ruleCreationFields = {
  productionRuleMode: z.enum(["existing", "create"]).default("existing"),
  productionRuleListenerArn: z.string().trim().default(""),
  productionRuleConditionField: z.enum(CONDITION_FIELDS, { message: "Pick a path or a host condition." }).default("path-pattern"),
  productionRuleConditionValue: z.string().trim().default("/*"),
  productionRulePriority: whole.default(1),
  testRuleMode: z.enum(["existing", "create"]).default("existing"),
  testRuleListenerArn: z.string().trim().default(""),
  testRuleConditionField: z.enum(CONDITION_FIELDS, { message: "Pick a path or a host condition." }).default("path-pattern"),
  testRuleConditionValue: z.string().trim().default(""),
  testRulePriority: whole.default(1),
};

/** One rule to create, as the schema parses it. */
export type NewRule = { listenerArn: string; conditionField: (typeof CONDITION_FIELDS)[number]; conditionValue: string; priority: number };

export type RuleInputs = {
  productionRuleMode: "existing" | "create"; productionRuleListenerArn: string; productionRuleConditionField: NewRule["conditionField"]; productionRuleConditionValue: string; productionRulePriority: number;
  testRuleMode: "existing" | "create"; testRuleListenerArn: string; testRuleConditionField: NewRule["conditionField"]; testRuleConditionValue: string; testRulePriority: number;
};

export function newRule(v: RuleInputs, which: RuleWhich): NewRule | null {
  if (v[`${which}RuleMode`] !== "create") return null;
  return { listenerArn: v[`${which}RuleListenerArn`], conditionField: v[`${which}RuleConditionField`], conditionValue: v[`${which}RuleConditionValue`], priority: v[`${which}RulePriority`] };
}

/**
 * What ELBv2 would refuse, at the field, before any AWS call. `onNewListener`: the service wizard,
 * whose rules go on the listener it creates (no listener to pick; the production rule is always created).
 */
export function ruleIssues(v: RuleInputs, issue: (path: string, message: string) => void, onNewListener = false) {
  const rules = (["production", "test"] as const).map((which) => [which, onNewListener && which === "production" ? newRule({ ...v, productionRuleMode: "create" }, which) : newRule(v, which)] as const);
  for (const [which, rule] of rules) {
    if (!rule) continue;
    const at = (field: string, message: string) => issue(`${which}Rule${field}`, message);
    if (!onNewListener && !LISTENER_ARN.test(rule.listenerArn)) at("ListenerArn", "Pick the listener to create the rule on.");
    if (!(rule.priority >= RULE_PRIORITY.min && rule.priority <= RULE_PRIORITY.max)) at("Priority", `Rule priorities are ${RULE_PRIORITY.min} to ${RULE_PRIORITY.max}.`);
    if (rule.conditionField === "path-pattern" && !PATH.test(rule.conditionValue)) at("ConditionValue", "Enter a path pattern such as /api/*: 1 to 128 characters, letters, digits and _-.$/~\"'@:+&()!,;=*?");
    if (rule.conditionField === "host-header" && !HOST.test(rule.conditionValue)) at("ConditionValue", "Enter a host name such as api.example.com: 1 to 128 letters, digits, hyphens, dots, * or ?.");
  }
  const [[, prod], [, test]] = rules;
  if (prod && test && (onNewListener || prod.listenerArn === test.listenerArn) && prod.priority === test.priority) issue("testRulePriority", "The test rule needs another priority than the production rule on the same listener.");
}

/** The listener a rule would go on, as the checks see it: its priorities in use. */
export type ListenerView = { arn: string; label: string; priorities: number[] };

/** Checks that need AWS's answer: the listener is one of the service's load balancer, and the priority is free. */
export function ruleErrors(v: RuleInputs, listeners: ListenerView[], add: (field: string, message: string) => void) {
  for (const which of ["production", "test"] as const) {
    const rule = newRule(v, which);
    if (!rule) continue;
    const listener = listeners.find((l) => l.arn === rule.listenerArn);
    if (!listener) add(`${which}RuleListenerArn`, "Pick a listener of the service's load balancer.");
    else if (listener.priorities.includes(rule.priority)) add(`${which}RulePriority`, `Priority ${rule.priority} is taken on ${listener.label}; pick a free one (${suggestPriority(listener.priorities)} is free).`);
  }
}

/** The lowest free priority: what the form offers first. */
export function suggestPriority(taken: number[]): number {
  const used = new Set(taken);
  let p = RULE_PRIORITY.min;
  while (used.has(p) && p < RULE_PRIORITY.max) p += 1;
  return p;
}

/** CreateRule forwarding 100 % to the service's target group and 0 % to the alternate, undone by DeleteRule. */
export function createRuleStep(which: RuleWhich, rule: Omit<NewRule, "listenerArn"> & { listenerArn: string | PlanRef }, primaryArn: string | PlanRef, alternate: string | PlanRef, dependsOn: string[]): PlanStep {
  const key = `${which}Rule`;
  const where = rule.conditionField === "path-pattern" ? { Field: "path-pattern", PathPatternConfig: { Values: [rule.conditionValue] } } : { Field: "host-header", HostHeaderConfig: { Values: [rule.conditionValue] } };
  return {
    key,
    service: "elbv2",
    operation: "CreateRule",
    description: `Create the ${which} listener rule (${rule.conditionField} ${rule.conditionValue}, priority ${rule.priority}): 100 % to the service's target group, 0 % to the alternate`,
    ...(dependsOn.length ? { dependsOn } : {}),
    input: {
      ListenerArn: rule.listenerArn,
      Priority: rule.priority,
      Conditions: [where],
      Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: primaryArn, Weight: 100 }, { TargetGroupArn: alternate, Weight: 0 }] } }],
    },
    produces: { ruleArn: "Rules.0.RuleArn" },
    inverse: { service: "elbv2", operation: "DeleteRule", description: `Delete the ${which} listener rule`, input: { RuleArn: { $ref: `${key}.ruleArn` } } },
  };
}
