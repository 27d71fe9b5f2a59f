"use client";

import { Badge } from "@/components/ui/badge";

export type SubnetOption = { id: string; az: string; cidr: string; name: string; public: boolean };

/**
 * Checkboxes named subnets.0, subnets.1 … (the form-data convention for arrays).
 * `privateOnly` marks public subnets as such; choosing one is a field error, not a hidden option.
 */
export function SubnetPicker(props: {
  subnets: SubnetOption[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string[];
  onTouch: () => void;
  legend: string;
  hint: string;
}) {
  const { subnets, value } = props;
  const chosen = subnets.filter((s) => value.includes(s.id));
  return (
    <fieldset className="space-y-2" aria-describedby={props.error ? "subnets-error" : "subnets-hint"} aria-invalid={props.error ? true : undefined}>
      <legend className="text-[13px] font-medium">{props.legend}</legend>
      <p id="subnets-hint" className="text-xs text-ink-muted">{props.hint}</p>
      {subnets.length === 0 && <p className="text-sm text-ink-muted">The cluster's VPC has no subnets.</p>}
      <div className="grid gap-2 md:grid-cols-2">
        {subnets.map((s) => (
          <label key={s.id} className="flex items-start gap-2 rounded-md border border-line p-2.5 text-sm has-checked:border-accent-600 has-checked:bg-accent-50">
            <input type="checkbox" className="mt-0.5 size-4" checked={value.includes(s.id)} aria-label={`${s.id} ${s.az}`}
              onChange={(e) => { props.onChange(e.target.checked ? [...value, s.id] : value.filter((v) => v !== s.id)); props.onTouch(); }} />
            <span className="flex min-w-0 flex-col">
              <span className="font-mono text-xs">{s.id}</span>
              <span className="text-xs text-ink-muted">{s.az} · {s.cidr}{s.name ? ` · ${s.name}` : ""}</span>
            </span>
            <Badge tone={s.public ? "yellow" : "green"} className="ml-auto">{s.public ? "public" : "private"}</Badge>
          </label>
        ))}
      </div>
      {chosen.map((s, i) => <input key={s.id} type="hidden" name={`subnets.${i}`} value={s.id} />)}
      {props.error && <p id="subnets-error" role="alert" className="text-xs font-medium text-red-700">{props.error[0]}</p>}
    </fieldset>
  );
}
