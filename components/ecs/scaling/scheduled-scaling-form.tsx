"use client";

import { useEffect, useState } from "react";
import { NextRunsPreview } from "@/components/ecs/scheduled-tasks/next-runs-preview";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { applyScheduledScalingAction, previewScheduledScalingAction } from "@/lib/ecs/scaling/actions";
import { scheduledScalingSchema } from "@/lib/ecs/scaling/schema";
import { ReviewFooter, type ScalingTarget } from "./form-bits";
import { useReviewedForm } from "./use-reviewed-form";

/** A scheduled action: at a cron/rate expression in a time zone, set the minimum and maximum tasks. */
export function ScheduledScalingForm(props: { target: ScalingTarget; range: { min: number; max: number } | null; desired: number }) {
  const [name, setName] = useState("business-hours");
  const [expression, setExpression] = useState("cron(0 8 ? * MON-FRI *)");
  const [timezone, setTimezone] = useState("UTC");
  const [minTasks, setMin] = useState(String(props.range?.min ?? Math.max(1, props.desired)));
  const [maxTasks, setMax] = useState(String(props.range?.max ?? Math.max(4, props.desired * 2)));
  // The browser's zone is only known after mount (the server renders UTC).
  useEffect(() => setTimezone(Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"), []);
  const values = { ...props.target, name, expression, timezone, minTasks, maxTasks };
  const form = useReviewedForm({ schema: scheduledScalingSchema, fields: ["name", "expression", "timezone", "minTasks", "maxTasks"], values, preview: previewScheduledScalingAction, apply: applyScheduledScalingAction });
  const text = (id: string, label: string, field: string, value: string, set: (v: string) => void, opts: { hint?: string; className?: string; numeric?: boolean } = {}) => (
    <Field label={label} htmlFor={id} hint={opts.hint} error={form.errorFor(field)}>
      <Input id={id} className={opts.className} inputMode={opts.numeric ? "numeric" : undefined} value={value} onChange={(e) => { set(e.target.value); form.touch(field); }} {...fieldAria(id, form.errorFor(field), opts.hint)} />
    </Field>
  );
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4" aria-label="Scheduled scaling">
      <div className="grid gap-4 sm:grid-cols-2">
        {text("s-name", "Name", "name", name, setName, { className: "w-72" })}
        {text("s-tz", "Time zone", "timezone", timezone, setTimezone, { className: "w-56", hint: "IANA name, e.g. Europe/Berlin. Defaults to your browser's." })}
        {text("s-expr", "Schedule expression", "expression", expression, setExpression, { className: "w-72 font-mono", hint: "cron(minutes hours day-of-month month day-of-week year), rate(…) or at(…)." })}
        <div className="grid grid-cols-2 gap-4">
          {text("s-min", "Minimum tasks", "minTasks", minTasks, setMin, { className: "w-28", numeric: true })}
          {text("s-max", "Maximum tasks", "maxTasks", maxTasks, setMax, { className: "w-28", numeric: true })}
        </div>
      </div>
      <NextRunsPreview expression={expression} timezone={timezone} />
      <ReviewFooter form={form} reviewLabel="Review scheduled action" applyLabel="Apply scheduled action" />
    </form>
  );
}
