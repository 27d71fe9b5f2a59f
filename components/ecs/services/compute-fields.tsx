"use client";

import { Field, fieldAria } from "@/components/ui/field";
import { Input, RadioCards, Select } from "@/components/ui/input";
import type { TaskDefinitionInfo } from "@/lib/ecs/services/reads";
import type { FieldsProps } from "./form-values";

type Props = FieldsProps & {
  revisions: string[];
  td: TaskDefinitionInfo | null;
  capacityProviders: string[];
  onTaskDefinition: (familyRevision: string) => void;
};

/** Task definition revision, service name, compute option, service type and desired tasks. */
export function ComputeFields({ values, set, errorFor: err, touch, revisions, td, capacityProviders, onTaskDefinition }: Props) {
  const families = [...new Set(revisions.map((r) => r.replace(/:\d+$/, "")))].sort();
  const family = values.taskDefinition.replace(/:\d+$/, "");
  const ofFamily = revisions.filter((r) => r.startsWith(`${family}:`));
  const ec2 = values.computeMode === "launchType" && values.launchType === "EC2";
  const setStrategy = (i: number, patch: { weight?: string; base?: string }) =>
    set({ strategy: values.strategy.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  return (
    <div className="space-y-5">
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Task definition family" htmlFor="family" error={err("taskDefinition")}
          hint={td ? `${td.networkMode} network mode · ${td.compatibilities.join(", ") || "any launch type"} · ${td.containers.map((c) => c.name).join(", ")}` : undefined}>
          <Select id="family" value={family} {...fieldAria("family", err("taskDefinition"), Boolean(td))}
            onChange={(e) => { touch("taskDefinition"); onTaskDefinition(revisions.find((r) => r.startsWith(`${e.target.value}:`)) ?? ""); }}>
            <option value="">Choose…</option>
            {families.map((f) => <option key={f} value={f}>{f}</option>)}
          </Select>
        </Field>
        <Field label="Revision" htmlFor="taskDefinition">
          <Select id="taskDefinition" name="taskDefinition" value={values.taskDefinition} onChange={(e) => onTaskDefinition(e.target.value)} disabled={!family}>
            {ofFamily.map((r, i) => <option key={r} value={r}>{r.split(":").pop()}{i === 0 ? " (latest)" : ""}</option>)}
          </Select>
        </Field>
      </div>
      {revisions.length === 0 && <p className="text-sm text-ink-muted">There is no active task definition in this region: register one first.</p>}

      <Field label="Service name" htmlFor="serviceName" required error={err("serviceName")} hint="Up to 255 letters, digits, hyphens and underscores. Unique in the cluster.">
        <Input id="serviceName" name="serviceName" value={values.serviceName} autoComplete="off" spellCheck={false} placeholder="web"
          onChange={(e) => set({ serviceName: e.target.value })} onBlur={() => touch("serviceName")} {...fieldAria("serviceName", err("serviceName"), true)} />
      </Field>

      <RadioCards name="computeMode" legend="Compute options" value={values.computeMode} onValueChange={(v) => set({ computeMode: v })}
        options={[
          { value: "launchType", label: "Launch type", description: "Run every task on Fargate or on the cluster's EC2 instances." },
          { value: "capacityProvider", label: "Capacity provider strategy", description: `Share tasks over the cluster's providers (${capacityProviders.join(", ") || "none"}).`, disabled: capacityProviders.length === 0 },
        ]} />

      {values.computeMode === "launchType" ? (
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="Launch type" htmlFor="launchType">
            <Select id="launchType" name="launchType" value={values.launchType} onChange={(e) => set({ launchType: e.target.value, ...(e.target.value === "FARGATE" ? { schedulingStrategy: "REPLICA" } : {}) })}>
              <option value="FARGATE">FARGATE</option>
              <option value="EC2">EC2</option>
            </Select>
          </Field>
          {!ec2 && <PlatformVersion {...{ values, set, errorFor: err, touch }} />}
        </div>
      ) : (
        <fieldset className="space-y-2" aria-describedby={err("strategy") ? "strategy-error" : undefined}>
          <legend className="text-[13px] font-medium">Capacity provider strategy</legend>
          {values.strategy.map((s, i) => (
            <div key={s.capacityProvider} className="grid grid-cols-3 items-end gap-3">
              <span className="pb-1.5 font-mono text-xs">{s.capacityProvider}</span>
              <Field label={`${s.capacityProvider} weight`} htmlFor={`strategy-${i}-weight`} error={err(`strategy.${i}.weight`)}>
                <Input id={`strategy-${i}-weight`} name={`strategy.${i}.weight`} type="number" value={s.weight} onChange={(e) => setStrategy(i, { weight: e.target.value })} />
              </Field>
              <Field label={`${s.capacityProvider} base`} htmlFor={`strategy-${i}-base`} error={err(`strategy.${i}.base`)}>
                <Input id={`strategy-${i}-base`} name={`strategy.${i}.base`} type="number" value={s.base} onChange={(e) => setStrategy(i, { base: e.target.value })} />
              </Field>
            </div>
          ))}
          {err("strategy") && <p id="strategy-error" role="alert" className="text-xs text-red-700">{err("strategy")![0]}</p>}
          {values.strategy.some((s) => s.capacityProvider.startsWith("FARGATE")) && <PlatformVersion {...{ values, set, errorFor: err, touch }} />}
        </fieldset>
      )}

      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Service type" htmlFor="schedulingStrategy" error={err("schedulingStrategy")} hint="Daemon runs one task on every EC2 container instance.">
          <Select id="schedulingStrategy" name="schedulingStrategy" value={values.schedulingStrategy} {...fieldAria("schedulingStrategy", err("schedulingStrategy"), true)}
            onChange={(e) => { set({ schedulingStrategy: e.target.value, ...(e.target.value === "DAEMON" ? { minHealthyPercent: "0", maxPercent: "100" } : {}) }); touch("schedulingStrategy"); }}>
            <option value="REPLICA">Replica</option>
            <option value="DAEMON" disabled={!ec2}>Daemon (EC2 only)</option>
          </Select>
        </Field>
        {values.schedulingStrategy === "REPLICA" && (
          <Field label="Desired tasks" htmlFor="desiredCount" error={err("desiredCount")}>
            <Input id="desiredCount" name="desiredCount" type="number" min={0} value={values.desiredCount}
              onChange={(e) => set({ desiredCount: e.target.value })} onBlur={() => touch("desiredCount")} {...fieldAria("desiredCount", err("desiredCount"))} />
          </Field>
        )}
      </div>
    </div>
  );
}

function PlatformVersion({ values, set, errorFor: err, touch }: FieldsProps) {
  return (
    <Field label="Platform version" htmlFor="platformVersion" error={err("platformVersion")} hint="Fargate platform; LATEST is the console's default.">
      <Input id="platformVersion" name="platformVersion" value={values.platformVersion} onChange={(e) => set({ platformVersion: e.target.value })}
        onBlur={() => touch("platformVersion")} {...fieldAria("platformVersion", err("platformVersion"), true)} />
    </Field>
  );
}
