import type { Plan, PlanStep } from "@/lib/core/plans/types";
import type { DeleteRuleInput, SetRuleStateInput } from "./schema";

const LANDING = "/events";

/** EnableRule / DisableRule: one step whose inverse puts the rule back as it was. */
export function buildSetRuleStatePlan(input: SetRuleStateInput): Plan {
  const enable = input.state === "ENABLED";
  const op = enable ? "EnableRule" : "DisableRule";
  const undo = enable ? "DisableRule" : "EnableRule";
  return {
    version: 1,
    wizard: "events-rule-state",
    title: `${enable ? "Enable" : "Disable"} rule ${input.ruleName}`,
    resources: [`events:rule/default/${input.ruleName}`],
    landing: LANDING,
    steps: [
      {
        key: "state",
        service: "events",
        operation: op,
        description: enable ? `Enable rule ${input.ruleName}: matching events run its targets again` : `Disable rule ${input.ruleName}: matching events run nothing until it is enabled`,
        input: { Name: input.ruleName, EventBusName: "default" },
        inverse: { service: "events", operation: undo, description: `${enable ? "Disable" : "Enable"} rule ${input.ruleName} again`, input: { Name: input.ruleName, EventBusName: "default" } },
      },
    ],
  };
}

/** A rule goes after its targets (EventBridge refuses to delete a rule that has some). */
export function buildDeleteRulePlan(input: DeleteRuleInput, targetIds: string[]): Plan {
  const steps: PlanStep[] = [];
  if (targetIds.length) {
    steps.push({ key: "targets", service: "events", operation: "RemoveTargets", description: `Remove ${targetIds.length} target(s) from rule ${input.ruleName}`, input: { Rule: input.ruleName, EventBusName: "default", Ids: targetIds } });
  }
  steps.push({
    key: "delete",
    service: "events",
    operation: "DeleteRule",
    description: `Delete rule ${input.ruleName}`,
    ...(targetIds.length ? { dependsOn: ["targets"] } : {}),
    input: { Name: input.ruleName, EventBusName: "default" },
  });
  return { version: 1, wizard: "events-rule-delete", title: `Delete rule ${input.ruleName}`, resources: [`events:rule/default/${input.ruleName}`], landing: LANDING, steps };
}
