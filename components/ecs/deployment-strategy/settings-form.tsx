"use client";

import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, fieldAria } from "@/components/ui/field";
import { Checkbox, Input, RadioCards, Select } from "@/components/ui/input";
import { initialState } from "@/lib/core/actions/state";
import { deploymentSettingsContextAction, deploymentStrategyAction, previewDeploymentStrategyAction } from "@/lib/ecs/deployment-strategy/actions";
import type { DeploymentSettingsContext } from "@/lib/ecs/deployment-strategy/reads";
import { LOAD_BALANCER_ROLE, STRATEGY_LIMITS, shiftsTraffic, type Strategy } from "@/lib/ecs/deployment-strategy/fields";
import type { HookRow } from "@/lib/ecs/deployment-strategy/hooks";
import { deploymentStrategySchema } from "@/lib/ecs/deployment-strategy/schema";
import { ContextStatus } from "@/components/ecs/services/actions/context-status";
import { DeploymentAlarmFields } from "./alarm-fields";
import { LifecycleHookFields } from "./hook-fields";
import { RuleFields } from "./rule-fields";
import { suggestPriority } from "@/lib/ecs/deployment-strategy/rules";
import { PlanActionForm, type FormWizard, type ServiceTarget } from "@/components/ecs/services/actions/plan-action-form";

type Context = Omit<DeploymentSettingsContext, "current">;

function useDeploymentContext(target: ServiceTarget) {
  const [state, setState] = useState<{ context?: Context; error?: { text: string; requestId?: string } }>({});
  const { connectionId, region, cluster, service } = target;
  useEffect(() => {
    let current = true;
    const form = new FormData();
    for (const [k, v] of Object.entries({ connectionId, region, cluster, service })) form.set(k, v);
    deploymentSettingsContextAction(initialState, form).then((r) => {
      if (current) setState(r.ok ? { context: r.data as Context } : { error: { text: r.message ?? "Could not read the service.", requestId: r.requestId } });
    });
    return () => { current = false; };
  }, [connectionId, region, cluster, service]);
  return state;
}

const STRATEGY_OPTIONS: { value: Strategy; label: string; description: string }[] = [
  { value: "ROLLING", label: "Rolling update", description: "Replaces tasks a few at a time within the minimum and maximum percent." },
  { value: "BLUE_GREEN", label: "Blue/green", description: "Starts the new revision beside the old one, then moves all production traffic at once." },
  { value: "CANARY", label: "Canary", description: "Moves a small share of traffic first, waits, then moves the rest." },
  { value: "LINEAR", label: "Linear", description: "Moves traffic in equal steps with a wait between them." },
];

const weights = (c: Context, rule: Context["rules"][number]) => {
  const name = (arn: string) => (arn === c.primary?.arn ? c.primary.name : (c.targetGroups.find((t) => t.arn === arn)?.name ?? arn.split("/")[1] ?? arn));
  const total = rule.weights.reduce((n, w) => n + w.weight, 0) || 1;
  return rule.weights.map((w) => `${name(w.targetGroupArn)} ${Math.round((w.weight / total) * 100)} %`).join(" / ");
};

/** The first values: what the service uses now, else the console's defaults. */
function initialValues(c: Context): Record<string, string> {
  const greenName = `${(c.primary?.name ?? "service").slice(0, 26)}-green`;
  const ownRole = c.roles.find((r) => r.name === LOAD_BALANCER_ROLE.name);
  return {
    strategy: c.strategy,
    bakeTime: String(c.bakeTime ?? STRATEGY_LIMITS.bakeTime.default),
    canaryPercent: String(c.canary?.percent ?? STRATEGY_LIMITS.canaryPercent.default),
    canaryBakeTime: String(c.canary?.bakeTime ?? STRATEGY_LIMITS.canaryBakeTime.default),
    stepPercent: String(c.linear?.percent ?? STRATEGY_LIMITS.stepPercent.default),
    stepBakeTime: String(c.linear?.bakeTime ?? STRATEGY_LIMITS.stepBakeTime.default),
    alternateTargetGroupMode: c.advanced?.alternateTargetGroupArn ? "existing" : "create",
    alternateTargetGroupName: greenName,
    alternateTargetGroupArn: c.advanced?.alternateTargetGroupArn ?? c.targetGroups[0]?.arn ?? "",
    productionListenerRule: c.advanced?.productionListenerRule ?? c.rules[0]?.arn ?? "",
    testListenerRule: c.advanced?.testListenerRule ?? "",
    // With no rule forwarding to the service yet, the one ECS moves has to be created.
    productionRuleMode: c.rules.length ? "existing" : "create",
    productionRuleListenerArn: c.listeners[0]?.arn ?? "",
    productionRuleConditionField: "path-pattern",
    productionRuleConditionValue: "/*",
    productionRulePriority: String(suggestPriority(c.listeners[0]?.priorities ?? [])),
    testRuleMode: "existing",
    testRuleListenerArn: c.listeners[0]?.arn ?? "",
    testRuleConditionField: "host-header",
    testRuleConditionValue: "",
    testRulePriority: String(suggestPriority([...(c.listeners[0]?.priorities ?? []), suggestPriority(c.listeners[0]?.priorities ?? [])])),
    roleMode: c.advanced?.roleArn || c.roleExists ? "existing" : "create",
    roleArn: c.advanced?.roleArn ?? ownRole?.arn ?? c.roles[0]?.arn ?? "",
  };
}

const ALARM_FIELDS = ["alarmsEnabled", "alarmNames", "alarmRollback"];

const ruleFieldsFor = (v: Record<string, string>, which: "production" | "test") =>
  v[`${which}RuleMode`] === "create"
    ? [`${which}RuleMode`, `${which}RuleListenerArn`, `${which}RuleConditionField`, `${which}RuleConditionValue`, `${which}RulePriority`]
    : [`${which}RuleMode`, `${which}ListenerRule`];

/** The fields the chosen strategy uses; the others are not sent (ECS refuses them). */
function fieldsFor(v: Record<string, string>): string[] {
  const s = v.strategy as Strategy;
  if (!shiftsTraffic(s)) return ["strategy", ...ALARM_FIELDS];
  return [
    ...ALARM_FIELDS, "strategy", "bakeTime",
    ...(s === "CANARY" ? ["canaryPercent", "canaryBakeTime"] : []),
    ...(s === "LINEAR" ? ["stepPercent", "stepBakeTime"] : []),
    "alternateTargetGroupMode", v.alternateTargetGroupMode === "create" ? "alternateTargetGroupName" : "alternateTargetGroupArn",
    ...ruleFieldsFor(v, "production"), ...ruleFieldsFor(v, "test"), "roleMode", ...(v.roleMode === "existing" ? ["roleArn"] : []),
    "hooks",
  ];
}

/** Deployment settings: the strategy ECS deploys the service with, and what traffic shifting needs. */
export function DeploymentSettingsForm({ target, onCancel }: { target: ServiceTarget; onCancel: () => void }) {
  const { context, error } = useDeploymentContext(target);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [hookEdits, setHooks] = useState<HookRow[]>();
  const [alarmEdits, setAlarms] = useState<{ alarmsEnabled?: boolean; alarmRollback?: boolean; alarmNames?: string[] }>({});
  if (!context) return <ContextStatus error={error} />;
  const v = { ...initialValues(context), ...edits };
  const hooks = hookEdits ?? context.hooks;
  const alarms = {
    alarmsEnabled: alarmEdits.alarmsEnabled ?? context.alarmSettings.enable,
    alarmRollback: alarmEdits.alarmRollback ?? (context.alarmSettings.enable ? context.alarmSettings.rollback : false),
    alarmNames: alarmEdits.alarmNames ?? (context.alarmSettings.enable ? context.alarmSettings.names : []),
  };
  const fields = fieldsFor(v);
  const valueOf = (f: string): unknown =>
    f === "hooks" ? hooks : f === "alarmNames" ? alarms.alarmNames : f === "alarmsEnabled" ? String(alarms.alarmsEnabled) : f === "alarmRollback" ? String(alarms.alarmRollback) : (v[f] ?? "");
  const values: Record<string, unknown> = Object.fromEntries(fields.map((f) => [f, valueOf(f)]));
  return (
    <PlanActionForm target={target} schema={deploymentStrategySchema} fields={fields} values={values}
      preview={previewDeploymentStrategyAction} confirm={deploymentStrategyAction} onCancel={onCancel} confirmLabel="Save deployment settings"
      disabled={shiftsTraffic(v.strategy as Strategy) && !context.primary}
      reviewNote={<p className="text-xs text-ink-muted">The running tasks stay as they are; the next deployment (Deploy, Force new deployment) follows the new strategy.</p>}>
      {(w) => (
        <>
          <SettingsFields w={w} c={context} v={v} set={(patch) => { setEdits((e) => ({ ...e, ...patch })); for (const k of Object.keys(patch)) w.touch(k); }} />
          {shiftsTraffic(v.strategy as Strategy) && context.primary && (
            <LifecycleHookFields hooks={hooks} errorFor={w.errorFor} onChange={(next) => { setHooks(next); w.touch("hooks"); }} />
          )}
          <DeploymentAlarmFields errorFor={w.errorFor} alarms={context.alarms} enabled={alarms.alarmsEnabled} rollback={alarms.alarmRollback} picked={alarms.alarmNames}
            set={(patch) => { setAlarms((a) => ({ ...a, ...patch })); for (const k of Object.keys(patch)) w.touch(k); }} />
        </>
      )}
    </PlanActionForm>
  );
}

function FieldMessage({ w, name }: { w: FormWizard; name: string }) {
  const e = w.errorFor(name);
  return e ? <p role="alert" id={`${name}-error`} className="text-xs font-medium text-red-700">{e[0]}</p> : null;
}

function NumberField({ w, name, label, hint, value, set }: { w: FormWizard; name: string; label: string; hint: string; value: string; set: (p: Record<string, string>) => void }) {
  return (
    <Field label={label} htmlFor={name} error={w.errorFor(name)} hint={hint}>
      <Input id={name} name={name} inputMode="decimal" className="w-28" value={value} autoComplete="off"
        onChange={(e) => set({ [name]: e.target.value })} {...fieldAria(name, w.errorFor(name), true)} />
    </Field>
  );
}

function SettingsFields({ w, c, v, set }: { w: FormWizard; c: Context; v: Record<string, string>; set: (p: Record<string, string>) => void }) {
  const strategy = v.strategy as Strategy;
  const L = STRATEGY_LIMITS;
  return (
    <>
      <RadioCards name="strategy" legend="Deployment strategy" value={strategy} onValueChange={(s) => set({ strategy: s })} options={STRATEGY_OPTIONS} />
      <FieldMessage w={w} name="strategy" />
      {shiftsTraffic(strategy) && !c.primary && (
        <Alert tone="warning" title="This service has no load balancer">
          Blue/green, canary and linear deployments move production traffic between two target groups of a load balancer. Add one to the service first (or keep rolling updates).
        </Alert>
      )}
      {shiftsTraffic(strategy) && c.primary && (
        <div className="space-y-4">
          <div className="flex flex-wrap gap-4">
            <NumberField w={w} name="bakeTime" label="Bake time (minutes)" hint={`${L.bakeTime.min}–${L.bakeTime.max}. How long ECS keeps the old (blue) tasks after all traffic is on green, to roll back at once.`} value={v.bakeTime!} set={set} />
            {strategy === "CANARY" && (
              <>
                <NumberField w={w} name="canaryPercent" label="Canary percentage" hint={`${L.canaryPercent.min}–${L.canaryPercent.max} % of production traffic first.`} value={v.canaryPercent!} set={set} />
                <NumberField w={w} name="canaryBakeTime" label="Canary interval (minutes)" hint={`${L.canaryBakeTime.min}–${L.canaryBakeTime.max}. Wait before the rest moves.`} value={v.canaryBakeTime!} set={set} />
              </>
            )}
            {strategy === "LINEAR" && (
              <>
                <NumberField w={w} name="stepPercent" label="Step percentage" hint={`${L.stepPercent.min}–${L.stepPercent.max} % of production traffic per step.`} value={v.stepPercent!} set={set} />
                <NumberField w={w} name="stepBakeTime" label="Step interval (minutes)" hint={`${L.stepBakeTime.min}–${L.stepBakeTime.max}. Wait between steps.`} value={v.stepBakeTime!} set={set} />
              </>
            )}
          </div>
          <p className="text-sm">Production (blue) target group: <strong className="font-mono">{c.primary.name}</strong> · container {c.containerName}:{c.containerPort}</p>
          <RadioCards name="alternateTargetGroupMode" legend="Alternate (green) target group" value={v.alternateTargetGroupMode} onValueChange={(m) => set({ alternateTargetGroupMode: m })} options={[
            { value: "create", label: "Create one", description: `Same port (${c.primary.port}), VPC and health check (${c.primary.healthCheck.path}) as ${c.primary.name}.` },
            { value: "existing", label: "Pick one", description: c.targetGroups.length ? `${c.targetGroups.length} in the VPC with target type ${c.primary.targetType}.` : "None in the service's VPC yet.", disabled: !c.targetGroups.length },
          ]} />
          {v.alternateTargetGroupMode === "create" ? (
            <Field label="Alternate target group name" htmlFor="alternateTargetGroupName" error={w.errorFor("alternateTargetGroupName")} hint="Up to 32 letters, digits and hyphens.">
              <Input id="alternateTargetGroupName" name="alternateTargetGroupName" className="w-72 font-mono" value={v.alternateTargetGroupName} autoComplete="off"
                onChange={(e) => set({ alternateTargetGroupName: e.target.value })} {...fieldAria("alternateTargetGroupName", w.errorFor("alternateTargetGroupName"), true)} />
            </Field>
          ) : (
            <Field label="Alternate target group" htmlFor="alternateTargetGroupArn" error={w.errorFor("alternateTargetGroupArn")}>
              <Select id="alternateTargetGroupArn" name="alternateTargetGroupArn" value={v.alternateTargetGroupArn} className="w-full max-w-md"
                onChange={(e) => set({ alternateTargetGroupArn: e.target.value })} {...fieldAria("alternateTargetGroupArn", w.errorFor("alternateTargetGroupArn"))}>
                {c.targetGroups.map((t) => <option key={t.arn} value={t.arn}>{t.name}</option>)}
              </Select>
            </Field>
          )}
          <RadioCards name="productionRuleMode" legend="Rule ECS moves for production traffic" value={v.productionRuleMode} onValueChange={(m) => set({ productionRuleMode: m })} options={[
            { value: "existing", label: "Pick a rule", description: c.rules.length ? `${c.rules.length} rule(s) forward to ${c.primary.name}.` : `No listener rule forwards to ${c.primary.name} yet.`, disabled: !c.rules.length },
            { value: "create", label: "Create a rule on a listener", description: c.listeners.length ? "A path or host rule, 100 % to the service's target group and 0 % to the alternate." : "The load balancer has no listener.", disabled: !c.listeners.length },
          ]} />
          {v.productionRuleMode === "create" ? (
            <RuleFields which="production" listeners={c.listeners} values={v} errorFor={w.errorFor} set={set} />
          ) : (
            <Field label="Production listener rule" htmlFor="productionListenerRule" error={w.errorFor("productionListenerRule")}
              hint={c.rules.length ? "ECS changes this rule's weights to move production traffic from blue to green." : `No listener rule forwards to ${c.primary.name}.`}>
              <Select id="productionListenerRule" name="productionListenerRule" value={v.productionListenerRule} className="w-full"
                onChange={(e) => set({ productionListenerRule: e.target.value })} {...fieldAria("productionListenerRule", w.errorFor("productionListenerRule"), true)}>
                {!c.rules.length && <option value="">No rule to pick</option>}
                {c.rules.map((r) => <option key={r.arn} value={r.arn}>{r.label} — now {weights(c, r)}</option>)}
              </Select>
            </Field>
          )}
          <RadioCards name="testRuleMode" legend="Rule for test traffic (optional)" value={v.testRuleMode} onValueChange={(m) => set({ testRuleMode: m })} options={[
            { value: "existing", label: "Pick a rule, or none", description: "Test traffic reaches green before production moves, e.g. on another port or host." },
            { value: "create", label: "Create a rule on a listener", description: "Its own condition and priority, 100 % to the service's target group and 0 % to the alternate.", disabled: !c.listeners.length },
          ]} />
          {v.testRuleMode === "create" ? (
            <RuleFields which="test" listeners={c.listeners} values={v} errorFor={w.errorFor} set={set} />
          ) : (
            <Field label="Test listener rule (optional)" htmlFor="testListenerRule" error={w.errorFor("testListenerRule")} hint="Sends test traffic to green before production moves, e.g. on another port.">
              <Select id="testListenerRule" name="testListenerRule" value={v.testListenerRule} className="w-full"
                onChange={(e) => set({ testListenerRule: e.target.value })} {...fieldAria("testListenerRule", w.errorFor("testListenerRule"), true)}>
                <option value="">None</option>
                {c.rules.map((r) => <option key={r.arn} value={r.arn}>{r.label} — now {weights(c, r)}</option>)}
              </Select>
            </Field>
          )}
          <RadioCards name="roleMode" legend="Role ECS uses to change the listener rules" value={v.roleMode} onValueChange={(m) => set({ roleMode: m })} options={[
            { value: "create", label: `Create ${LOAD_BALANCER_ROLE.name}`, description: c.roleExists ? "It exists already: pick it." : "Trusts ecs.amazonaws.com, with AWS's managed policy for load balancer changes.", disabled: c.roleExists },
            { value: "existing", label: "Pick a role", description: c.roles.length ? `${c.roles.length} role(s) ECS may assume.` : "No role trusts ecs.amazonaws.com yet.", disabled: !c.roles.length },
          ]} />
          <FieldMessage w={w} name="roleMode" />
          {v.roleMode === "existing" && (
            <Field label="Role" htmlFor="roleArn" error={w.errorFor("roleArn")}>
              <Select id="roleArn" name="roleArn" value={v.roleArn} className="w-full max-w-md" onChange={(e) => set({ roleArn: e.target.value })} {...fieldAria("roleArn", w.errorFor("roleArn"))}>
                {c.roles.map((r) => <option key={r.arn} value={r.arn}>{r.name}</option>)}
              </Select>
            </Field>
          )}
        </div>
      )}
    </>
  );
}
