"use client";

import { Alert } from "@/components/ui/alert";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, RadioCards } from "@/components/ui/input";
import { LOAD_BALANCER_ROLE, STRATEGY_LIMITS, shiftsTraffic, type Strategy } from "@/lib/ecs/deployment-strategy/fields";
import { elbNameFrom, type FieldsProps } from "@/components/ecs/services/form-values";
import { Checkbox } from "@/components/ui/input";
import { RuleFields } from "./rule-fields";

/** The wizard's rules go on the listener it creates. */
const newListener = (port: string) => [{ arn: "", label: `the new listener (port ${port})`, priorities: [] }];
const RULE_KEYS = ["productionRuleListenerArn", "productionRuleConditionField", "productionRuleConditionValue", "productionRulePriority", "testRuleMode", "testRuleListenerArn", "testRuleConditionField", "testRuleConditionValue", "testRulePriority"] as const;
const ruleValues = (v: FieldsProps["values"]) => Object.fromEntries(RULE_KEYS.map((k) => [k, String(v[k])]));

const OPTIONS: { value: Strategy; label: string; description: string }[] = [
  { value: "ROLLING", label: "Rolling update", description: "Replaces tasks a few at a time within the minimum and maximum percent." },
  { value: "BLUE_GREEN", label: "Blue/green", description: "Starts the new version beside the old one, then moves all production traffic at once." },
  { value: "CANARY", label: "Canary", description: "Moves a small share of traffic first, waits, then moves the rest." },
  { value: "LINEAR", label: "Linear", description: "Moves traffic in equal steps with a wait between them." },
];

/**
 * The wizard's deployment strategy: rolling, or a traffic-shifting one through the load balancer
 * the wizard creates (an alternate target group with the same health check, a listener rule ECS
 * moves, and the role it uses to move it).
 */
export function StrategyFields({ values, set, errorFor, touch }: FieldsProps) {
  const strategy = values.deploymentStrategy as Strategy;
  const change = (patch: Partial<FieldsProps["values"]>) => {
    set(patch);
    for (const k of Object.keys(patch)) touch(k);
  };
  const number = (name: "bakeTime" | "canaryPercent" | "canaryBakeTime" | "stepPercent" | "stepBakeTime", label: string, hint: string) => (
    <Field label={label} htmlFor={name} error={errorFor(name)} hint={hint}>
      <Input id={name} name={name} inputMode="decimal" className="w-28" value={values[name]} autoComplete="off"
        onChange={(e) => change({ [name]: e.target.value })} {...fieldAria(name, errorFor(name), true)} />
    </Field>
  );
  const L = STRATEGY_LIMITS;
  return (
    <div className="space-y-4">
      <RadioCards name="deploymentStrategy" legend="Deployment strategy" value={strategy} options={OPTIONS}
        onValueChange={(s) => change({ deploymentStrategy: s, alternateTargetGroupName: values.alternateTargetGroupName || elbNameFrom(values.targetGroupName || values.serviceName, "-green") })} />
      {errorFor("deploymentStrategy") && <p role="alert" id="deploymentStrategy-error" className="text-xs font-medium text-red-700">{errorFor("deploymentStrategy")![0]}</p>}
      {shiftsTraffic(strategy) && values.loadBalancerMode === "none" && (
        <Alert tone="warning" title="This strategy needs a load balancer">Go back to Load balancing and add one, or keep rolling updates.</Alert>
      )}
      {shiftsTraffic(strategy) && (
        <>
          <div className="flex flex-wrap gap-4">
            {number("bakeTime", "Bake time (minutes)", `${L.bakeTime.min}–${L.bakeTime.max}. Blue stays up this long after all traffic is on green.`)}
            {strategy === "CANARY" && number("canaryPercent", "Canary percentage", `${L.canaryPercent.min}–${L.canaryPercent.max} % of production traffic first.`)}
            {strategy === "CANARY" && number("canaryBakeTime", "Canary interval (minutes)", `${L.canaryBakeTime.min}–${L.canaryBakeTime.max}. Wait before the rest moves.`)}
            {strategy === "LINEAR" && number("stepPercent", "Step percentage", `${L.stepPercent.min}–${L.stepPercent.max} % of production traffic per step.`)}
            {strategy === "LINEAR" && number("stepBakeTime", "Step interval (minutes)", `${L.stepBakeTime.min}–${L.stepBakeTime.max}. Wait between steps.`)}
          </div>
          <Field label="Name of the alternate target group" htmlFor="alternateTargetGroupName" error={errorFor("alternateTargetGroupName")}
            hint="Created with the target group's port and health check; green tasks register here.">
            <Input id="alternateTargetGroupName" name="alternateTargetGroupName" className="w-72 font-mono" value={values.alternateTargetGroupName} autoComplete="off"
              onChange={(e) => change({ alternateTargetGroupName: e.target.value })} {...fieldAria("alternateTargetGroupName", errorFor("alternateTargetGroupName"), true)} />
          </Field>
          <RuleFields which="production" listeners={newListener(values.listenerPort)} values={ruleValues(values)} errorFor={errorFor} set={change} />
          <input type="hidden" name="testRuleMode" value={values.testRuleMode} />
          <Checkbox label="Also create a test listener rule" description="On the same listener, its own condition (e.g. a test host name): test traffic reaches green before production moves."
            checked={values.testRuleMode === "create"} onChange={(e) => change({ testRuleMode: e.target.checked ? "create" : "existing" })} />
          {values.testRuleMode === "create" && (
            <RuleFields which="test" listeners={newListener(values.listenerPort)} values={ruleValues(values)} errorFor={errorFor} set={change} />
          )}
          <RadioCards name="lbRoleMode" legend="Role ECS uses to change the listener rule" value={values.lbRoleMode} onValueChange={(m) => change({ lbRoleMode: m })} options={[
            { value: "create", label: `Create ${LOAD_BALANCER_ROLE.name}`, description: "Trusts ecs.amazonaws.com, with AWS's managed policy for load balancer changes." },
            { value: "existing", label: "Use a role", description: "A role ECS may assume with that policy." },
          ]} />
          {errorFor("lbRoleMode") && <p role="alert" id="lbRoleMode-error" className="text-xs font-medium text-red-700">{errorFor("lbRoleMode")![0]}</p>}
          {values.lbRoleMode === "existing" && (
            <Field label="Role ARN" htmlFor="lbRoleArn" error={errorFor("lbRoleArn")}>
              <Input id="lbRoleArn" name="lbRoleArn" className="w-full font-mono" value={values.lbRoleArn} autoComplete="off"
                onChange={(e) => change({ lbRoleArn: e.target.value })} {...fieldAria("lbRoleArn", errorFor("lbRoleArn"))} />
            </Field>
          )}
        </>
      )}
    </div>
  );
}
