"use client";

import { useState } from "react";
import { Field, fieldAria } from "@/components/ui/field";
import { Checkbox, Input } from "@/components/ui/input";
import { applyManagedScalingAction, previewManagedScalingAction } from "@/lib/ecs/scaling/actions";
import { managedScalingSchema } from "@/lib/ecs/scaling/schema";
import { ReviewFooter } from "./form-bits";
import { useReviewedForm } from "./use-reviewed-form";

type Managed = { status: string; targetCapacity: number | null; minimumScalingStepSize: number | null; maximumScalingStepSize: number | null; instanceWarmupPeriod: number | null };
type Group = { name: string; min: number; max: number; desired: number; instances: number } | null;

const FIELDS = [
  { key: "targetCapacity", label: "Target capacity (%)", hint: "How full ECS keeps the instances: 100 packs them, lower keeps spare room.", fallback: 100 },
  { key: "minimumScalingStepSize", label: "Minimum scaling step", hint: "Fewest instances added or removed at once.", fallback: 1 },
  { key: "maximumScalingStepSize", label: "Maximum scaling step", hint: "Most instances added or removed at once.", fallback: 10_000 },
  { key: "instanceWarmupPeriod", label: "Instance warm-up (s)", hint: "Seconds before a new instance counts toward the group's metrics.", fallback: 300 },
] as const;

/**
 * Capacity provider managed scaling: ECS scales the Auto Scaling group's instances to fit the tasks
 * (which Application Auto Scaling may in turn be scaling) — both levels shown together.
 */
export function ManagedScalingForm(props: { target: { connectionId: string; region: string; cluster: string }; capacityProvider: string; managed: Managed; group: Group }) {
  const [open, setOpen] = useState(false);
  const [enabled, setEnabled] = useState(props.managed.status === "ENABLED" || props.managed.status === "DISABLED" ? props.managed.status === "ENABLED" : true);
  const [values, setValues] = useState<Record<(typeof FIELDS)[number]["key"], string>>(() =>
    Object.fromEntries(FIELDS.map((f) => [f.key, String(props.managed[f.key] ?? f.fallback)])) as Record<(typeof FIELDS)[number]["key"], string>,
  );
  const all = { ...props.target, capacityProvider: props.capacityProvider, enabled, ...values };
  const form = useReviewedForm({ schema: managedScalingSchema, fields: ["enabled", ...FIELDS.map((f) => f.key)], values: all, preview: previewManagedScalingAction, apply: applyManagedScalingAction });
  const id = (k: string) => `ms-${props.capacityProvider}-${k}`;
  const g = props.group;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p>
          <span className="font-medium">{props.capacityProvider}</span>
          <span className="text-ink-muted"> · instances: </span>
          {g ? <span data-testid={`asg-${props.capacityProvider}`}>{g.desired} desired · {g.instances} running (group {g.name}, {g.min}–{g.max})</span> : <span className="text-ink-muted">Auto Scaling group not found</span>}
        </p>
        <button type="button" className="text-sm text-sky-700 hover:underline" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? "Close" : `Edit managed scaling`}
        </button>
      </div>
      {open && (
        <form onSubmit={form.onSubmit} noValidate className="space-y-4 rounded-md border border-line p-3" aria-label={`Managed scaling of ${props.capacityProvider}`}>
          <Checkbox label="Managed scaling" description="ECS adds and removes instances so the tasks fit." checked={enabled} onChange={(e) => { setEnabled(e.target.checked); form.touch("enabled"); }} />
          <div className="grid gap-4 sm:grid-cols-4">
            {FIELDS.map((f) => (
              <Field key={f.key} label={f.label} htmlFor={id(f.key)} hint={f.hint} error={form.errorFor(f.key)}>
                <Input id={id(f.key)} inputMode="numeric" className="w-28" value={values[f.key]} disabled={!enabled}
                  onChange={(e) => { setValues((v) => ({ ...v, [f.key]: e.target.value })); form.touch(f.key); }} {...fieldAria(id(f.key), form.errorFor(f.key), f.hint)} />
              </Field>
            ))}
          </div>
          <ReviewFooter form={form} reviewLabel="Review managed scaling" applyLabel="Apply managed scaling" />
        </form>
      )}
    </div>
  );
}
