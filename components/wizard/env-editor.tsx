"use client";

import { Button } from "@/components/ui/button";
import { fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export type EnvVar = { name: string; value: string };

type Props = {
  vars: EnvVar[];
  onChange: (vars: EnvVar[]) => void;
  errorFor: (key: string) => string[] | undefined;
  onTouch: (key: string) => void;
  /** The line under the legend: who can read these values. */
  hint?: string;
  /** How many rows the schema accepts. */
  max?: number;
};

/**
 * Name = value rows, posted as environment.<i>.name / .value: the environment editor of every
 * wizard that takes plain variables (Express Mode, App Runner, EC2 hosts).
 */
export function EnvEditor({ vars, onChange, errorFor, onTouch, hint = "Plain values your container reads at start. Keep secrets in Secrets Manager instead.", max = 100 }: Props) {
  const set = (i: number, patch: Partial<EnvVar>) => onChange(vars.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Environment variables</legend>
      <p className="text-xs text-ink-muted">{hint}</p>
      {vars.map((v, i) => {
        const nameErr = errorFor(`environment.${i}.name`);
        const valueErr = errorFor(`environment.${i}.value`);
        return (
          <div key={i} className="flex items-start gap-2">
            <div className="flex-1">
              <label htmlFor={`env-${i}-name`} className="sr-only">Variable {i + 1} name</label>
              <Input id={`env-${i}-name`} name={`environment.${i}.name`} placeholder="NAME" value={v.name} className="font-mono"
                onChange={(e) => set(i, { name: e.target.value })} onBlur={() => onTouch(`environment.${i}.name`)} {...fieldAria(`env-${i}-name`, nameErr)} />
              {nameErr && <p id={`env-${i}-name-error`} role="alert" className="mt-1 text-xs text-red-700">{nameErr[0]}</p>}
            </div>
            <span className="pt-1.5 text-ink-muted" aria-hidden="true">=</span>
            <div className="flex-[2]">
              <label htmlFor={`env-${i}-value`} className="sr-only">Variable {i + 1} value</label>
              <Input id={`env-${i}-value`} name={`environment.${i}.value`} placeholder="value" value={v.value} className="font-mono"
                onChange={(e) => set(i, { value: e.target.value })} onBlur={() => onTouch(`environment.${i}.value`)} {...fieldAria(`env-${i}-value`, valueErr)} />
              {valueErr && <p id={`env-${i}-value-error`} role="alert" className="mt-1 text-xs text-red-700">{valueErr[0]}</p>}
            </div>
            <Button type="button" variant="ghost" onClick={() => onChange(vars.filter((_, j) => j !== i))} aria-label={`Remove variable ${i + 1}`}>
              Remove
            </Button>
          </div>
        );
      })}
      <Button type="button" variant="secondary" size="sm" onClick={() => onChange([...vars, { name: "", value: "" }])} disabled={vars.length >= max}>
        Add variable
      </Button>
    </fieldset>
  );
}
