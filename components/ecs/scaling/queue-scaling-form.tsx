"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { applyQueueScalingAction, previewQueueScalingAction } from "@/lib/ecs/scaling/actions";
import { DEFAULT_COOLDOWN, queueScalingSchema } from "@/lib/ecs/scaling/schema";
import { ReviewFooter, type ScalingTarget } from "./form-bits";
import { useReviewedForm } from "./use-reviewed-form";

type Step = { key: number; from: string; to: string; change: string };

/** Step scaling on an SQS queue's visible messages: pick or create the queue, the steps out and the scale-in threshold. */
export function QueueScalingForm(props: { target: ScalingTarget; range: { min: number; max: number } | null; desired: number; queues: string[]; queuesError?: string }) {
  const [minTasks, setMin] = useState(String(props.range?.min ?? 0));
  const [maxTasks, setMax] = useState(String(props.range?.max ?? Math.max(4, props.desired * 2)));
  const [queueMode, setMode] = useState<"existing" | "create">(props.queues.length ? "existing" : "create");
  const [existing, setExisting] = useState(props.queues[0] ?? "");
  const [newName, setNewName] = useState(`${props.target.service}-jobs`);
  const [steps, setSteps] = useState<Step[]>([{ key: 1, from: "100", to: "500", change: "1" }, { key: 2, from: "500", to: "", change: "3" }]);
  const [scaleInAt, setScaleInAt] = useState("10");
  const [scaleInChange, setScaleInChange] = useState("1");
  const [cooldown, setCooldown] = useState(String(DEFAULT_COOLDOWN));
  const queueName = queueMode === "existing" ? existing : newName;
  const values = {
    ...props.target, minTasks, maxTasks, queueMode, queueName, scaleInAt, scaleInChange, cooldown, evaluationPeriods: "1",
    steps: steps.map(({ from, to, change }) => ({ from, to, change })),
  };
  const form = useReviewedForm({ schema: queueScalingSchema, fields: ["minTasks", "maxTasks", "queueName", "steps", "scaleInAt", "scaleInChange", "cooldown"], values, preview: previewQueueScalingAction, apply: applyQueueScalingAction });
  const setStep = (i: number, patch: Partial<Step>, field: string) => { setSteps((s) => s.map((x, j) => (j === i ? { ...x, ...patch } : x))); form.touch(`steps.${i}.${field}`); };
  const addStep = () => {
    setSteps((s) => {
      const last = s[s.length - 1];
      const from = Number(last?.from ?? 0);
      const bound = String(Math.max(from * 2, from + 100));
      // The open-ended last step gets an upper bound; the new step starts there and stays open.
      const closed = last ? [...s.slice(0, -1), { ...last, to: last.to || bound }] : [];
      return [...closed, { key: Math.max(0, ...s.map((x) => x.key)) + 1, from: last ? last.to || bound : "100", to: "", change: String(Number(last?.change ?? 0) + 1) }];
    });
    form.touch("steps");
  };
  const removeStep = (i: number) => { setSteps((s) => s.filter((_, j) => j !== i)); form.touch("steps"); };
  const num = (id: string, label: string, field: string, value: string, set: (v: string) => void, hint?: string) => (
    <Field label={label} htmlFor={id} hint={hint} error={form.errorFor(field)}>
      <Input id={id} inputMode="numeric" className="w-28" value={value} onChange={(e) => { set(e.target.value); form.touch(field); }} {...fieldAria(id, form.errorFor(field), hint)} />
    </Field>
  );

  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4" aria-label="Queue-driven scaling">
      <p className="text-sm text-ink-muted">A worker service drains a queue: when messages pile up, an alarm on the queue adds tasks in steps; when the queue is nearly empty, another alarm removes them again.</p>
      <div className="grid gap-4 sm:grid-cols-3">
        {num("q-min", "Minimum tasks", "minTasks", minTasks, setMin)}
        {num("q-max", "Maximum tasks", "maxTasks", maxTasks, setMax)}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-[13px] font-medium text-ink">Queue</legend>
        <div className="flex gap-4 text-sm">
          <label className="flex items-center gap-1.5"><input type="radio" name="queueMode" checked={queueMode === "existing"} disabled={!props.queues.length} onChange={() => { setMode("existing"); form.touch("queueName"); }} /> Existing queue</label>
          <label className="flex items-center gap-1.5"><input type="radio" name="queueMode" checked={queueMode === "create"} onChange={() => { setMode("create"); form.touch("queueName"); }} /> Create a queue</label>
        </div>
        {queueMode === "existing" ? (
          <Field label="Queue name" htmlFor="q-existing" error={form.errorFor("queueName")}>
            <Select id="q-existing" value={existing} onChange={(e) => { setExisting(e.target.value); form.touch("queueName"); }} {...fieldAria("q-existing", form.errorFor("queueName"))}>
              {props.queues.map((q) => <option key={q} value={q}>{q}</option>)}
            </Select>
          </Field>
        ) : (
          <Field label="New queue name" htmlFor="q-new" error={form.errorFor("queueName")}>
            <Input id="q-new" className="w-72" value={newName} onChange={(e) => { setNewName(e.target.value); form.touch("queueName"); }} {...fieldAria("q-new", form.errorFor("queueName"))} />
          </Field>
        )}
        {!props.queues.length && !props.queuesError && <p className="text-xs text-ink-muted">There is no SQS queue in {props.target.region} yet: Portside creates one with the scaling.</p>}
        {props.queuesError && <p className="text-xs text-ink-muted">Queues could not be listed: {props.queuesError}</p>}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-[13px] font-medium text-ink">Scale out (visible messages)</legend>
        <table className="text-sm" aria-label="Scale-out steps">
          <thead><tr className="text-left text-xs text-ink-muted"><th className="pr-3 font-medium">From</th><th className="pr-3 font-medium">To (empty = no limit)</th><th className="pr-3 font-medium">Add tasks</th><th /></tr></thead>
          <tbody>
            {steps.map((s, i) => (
              <tr key={s.key} className="align-top">
                {(["from", "to", "change"] as const).map((f) => {
                  const id = `q-step-${i}-${f}`;
                  const err = form.errorFor(`steps.${i}.${f}`);
                  return (
                    <td key={f} className="pr-3 pb-2">
                      <Input id={id} aria-label={`Step ${i + 1} ${f === "change" ? "tasks to add" : f}`} inputMode="numeric" className="w-28" value={s[f]} onChange={(e) => setStep(i, { [f]: e.target.value }, f)} {...fieldAria(id, err)} />
                      {err && <p id={`${id}-error`} role="alert" className="mt-1 max-w-48 text-xs text-red-700">{err[0]}</p>}
                    </td>
                  );
                })}
                <td className="pb-2">{steps.length > 1 && <Button type="button" variant="ghost" size="sm" onClick={() => removeStep(i)} aria-label={`Remove step ${i + 1}`}>Remove</Button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {form.errorFor("steps") && <p role="alert" className="text-xs text-red-700">{form.errorFor("steps")?.[0]}</p>}
        <Button type="button" variant="secondary" size="sm" onClick={addStep} disabled={steps.length >= 20}>Add step</Button>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        {num("q-in-at", "Scale in at or below (messages)", "scaleInAt", scaleInAt, setScaleInAt, "Below the first step's start.")}
        {num("q-in-change", "Tasks to remove", "scaleInChange", scaleInChange, setScaleInChange)}
        {num("q-cooldown", "Cooldown (s)", "cooldown", cooldown, setCooldown)}
      </div>
      <ReviewFooter form={form} reviewLabel="Review queue scaling" applyLabel="Apply queue scaling" />
    </form>
  );
}
