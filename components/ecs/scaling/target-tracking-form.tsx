"use client";

import { useState } from "react";
import { Field, fieldAria } from "@/components/ui/field";
import { Checkbox, Input, Select } from "@/components/ui/input";
import { applyServiceScalingAction, previewServiceScalingAction } from "@/lib/ecs/scaling/actions";
import type { PolicyView } from "@/lib/ecs/scaling/reads";
import { DEFAULT_COOLDOWN, serviceScalingSchema, type TrackedMetric } from "@/lib/ecs/scaling/schema";
import { ReviewFooter, type ScalingTarget } from "./form-bits";
import { useReviewedForm } from "./use-reviewed-form";

export type AlbTarget = { targetGroupArn: string; loadBalancerArn: string; label: string };

const TYPES: Record<TrackedMetric, string> = { cpu: "ECSServiceAverageCPUUtilization", memory: "ECSServiceAverageMemoryUtilization", requests: "ALBRequestCountPerTarget" };
const LABELS: Record<TrackedMetric, { label: string; toggle: string; unit: string; target: string; hint: string }> = {
  cpu: { label: "Average CPU utilization", toggle: "Track average CPU utilization", unit: "%", target: "70", hint: "1 to 100 percent of the tasks' CPU." },
  memory: { label: "Average memory utilization", toggle: "Track average memory utilization", unit: "%", target: "75", hint: "1 to 100 percent of the tasks' memory." },
  requests: { label: "ALB requests per target", toggle: "Track ALB requests per target", unit: "requests", target: "1000", hint: "Requests each task handles per minute." },
};

type Policy = { enabled: boolean; target: string; scaleOutCooldown: string; scaleInCooldown: string; disableScaleIn: boolean };

function policyValues(metric: TrackedMetric, policies: PolicyView[]): Policy {
  const p = policies.find((x) => x.type === "TargetTrackingScaling" && x.metric === TYPES[metric]);
  return {
    enabled: Boolean(p),
    target: String(p?.targetValue ?? LABELS[metric].target),
    scaleOutCooldown: String(p?.scaleOutCooldown ?? DEFAULT_COOLDOWN),
    scaleInCooldown: String(p?.scaleInCooldown ?? DEFAULT_COOLDOWN),
    disableScaleIn: p?.disableScaleIn ?? false,
  };
}

/** Min/max tasks and target tracking on CPU, memory and (with an ALB target group) requests per target. */
export function TargetTrackingForm(props: { target: ScalingTarget; range: { min: number; max: number } | null; desired: number; policies: PolicyView[]; albTargets: AlbTarget[] }) {
  const [minTasks, setMin] = useState(String(props.range?.min ?? Math.max(1, props.desired)));
  const [maxTasks, setMax] = useState(String(props.range?.max ?? Math.max(4, props.desired * 2)));
  const [policies, setPolicies] = useState<Record<TrackedMetric, Policy>>({
    cpu: policyValues("cpu", props.policies),
    memory: policyValues("memory", props.policies),
    requests: policyValues("requests", props.policies),
  });
  const [alb, setAlb] = useState(props.albTargets[0]?.targetGroupArn ?? "");
  const chosenAlb = props.albTargets.find((a) => a.targetGroupArn === alb);
  const values = {
    ...props.target,
    minTasks,
    maxTasks,
    cpu: policies.cpu,
    memory: policies.memory,
    requests: { ...policies.requests, targetGroupArn: chosenAlb?.targetGroupArn ?? "", loadBalancerArn: chosenAlb?.loadBalancerArn ?? "" },
  };
  const form = useReviewedForm({ schema: serviceScalingSchema, fields: ["minTasks", "maxTasks", "cpu", "memory", "requests"], values, preview: previewServiceScalingAction, apply: applyServiceScalingAction });
  const setPolicy = (metric: TrackedMetric, patch: Partial<Policy>, field: string) => {
    setPolicies((p) => ({ ...p, [metric]: { ...p[metric], ...patch } }));
    form.touch(`${metric}.${field}`);
  };
  const metrics: TrackedMetric[] = props.albTargets.length ? ["cpu", "memory", "requests"] : ["cpu", "memory"];

  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4" aria-label="Target tracking">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Minimum tasks" htmlFor="tt-min" error={form.errorFor("minTasks")}>
          <Input id="tt-min" inputMode="numeric" className="w-32" value={minTasks} onChange={(e) => { setMin(e.target.value); form.touch("minTasks"); }} {...fieldAria("tt-min", form.errorFor("minTasks"))} />
        </Field>
        <Field label="Maximum tasks" htmlFor="tt-max" error={form.errorFor("maxTasks")}>
          <Input id="tt-max" inputMode="numeric" className="w-32" value={maxTasks} onChange={(e) => { setMax(e.target.value); form.touch("maxTasks"); }} {...fieldAria("tt-max", form.errorFor("maxTasks"))} />
        </Field>
      </div>
      {metrics.map((metric) => {
        const p = policies[metric];
        const id = `tt-${metric}`;
        const l = LABELS[metric];
        return (
          <fieldset key={metric} className="space-y-3 rounded-md border border-line p-3">
            <legend className="sr-only">{l.label}</legend>
            <Checkbox label={l.toggle} checked={p.enabled} onChange={(e) => setPolicy(metric, { enabled: e.target.checked }, "enabled")} />
            {p.enabled && (
              <div className="grid gap-4 sm:grid-cols-4">
                {metric === "requests" && (
                  <Field label="Target group" htmlFor={`${id}-tg`} error={form.errorFor("requests.targetGroupArn")} className="sm:col-span-4">
                    <Select id={`${id}-tg`} value={alb} onChange={(e) => { setAlb(e.target.value); form.touch("requests.targetGroupArn"); }}>
                      {props.albTargets.map((a) => <option key={a.targetGroupArn} value={a.targetGroupArn}>{a.label}</option>)}
                    </Select>
                  </Field>
                )}
                <Field label={`Target (${l.unit})`} htmlFor={`${id}-target`} hint={l.hint} error={form.errorFor(`${metric}.target`)}>
                  <Input id={`${id}-target`} inputMode="decimal" className="w-28" value={p.target} onChange={(e) => setPolicy(metric, { target: e.target.value }, "target")} {...fieldAria(`${id}-target`, form.errorFor(`${metric}.target`), l.hint)} />
                </Field>
                <Field label="Scale-out cooldown (s)" htmlFor={`${id}-out`} error={form.errorFor(`${metric}.scaleOutCooldown`)}>
                  <Input id={`${id}-out`} inputMode="numeric" className="w-28" value={p.scaleOutCooldown} onChange={(e) => setPolicy(metric, { scaleOutCooldown: e.target.value }, "scaleOutCooldown")} {...fieldAria(`${id}-out`, form.errorFor(`${metric}.scaleOutCooldown`))} />
                </Field>
                <Field label="Scale-in cooldown (s)" htmlFor={`${id}-in`} error={form.errorFor(`${metric}.scaleInCooldown`)}>
                  <Input id={`${id}-in`} inputMode="numeric" className="w-28" value={p.scaleInCooldown} onChange={(e) => setPolicy(metric, { scaleInCooldown: e.target.value }, "scaleInCooldown")} {...fieldAria(`${id}-in`, form.errorFor(`${metric}.scaleInCooldown`))} />
                </Field>
                <div className="flex items-start sm:pt-7">
                  <Checkbox label="Disable scale-in" checked={p.disableScaleIn} onChange={(e) => setPolicy(metric, { disableScaleIn: e.target.checked }, "disableScaleIn")} />
                </div>
              </div>
            )}
          </fieldset>
        );
      })}
      {!props.albTargets.length && <p className="text-xs text-ink-muted">Request-count scaling needs an Application Load Balancer target group on the service; this service has none.</p>}
      <ReviewFooter form={form} reviewLabel="Review target tracking" applyLabel="Apply target tracking" />
    </form>
  );
}
