"use client";

import { Button } from "@/components/ui/button";
import { fieldAria } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";

export type Pair = { key: string; value: string; effect?: string };

const EFFECTS = [
  ["NO_SCHEDULE", "NoSchedule"],
  ["NO_EXECUTE", "NoExecute"],
  ["PREFER_NO_SCHEDULE", "PreferNoSchedule"],
] as const;

/**
 * Kubernetes labels or taints as rows named `<name>.<i>.key|value|effect`.
 * `noun` labels the controls for people and tests ("Label 1 key", "Taint 2 effect").
 */
export function PairsEditor(props: {
  name: string;
  noun: string;
  legend: string;
  hint?: string;
  pairs: Pair[];
  withEffect?: boolean;
  max: number;
  onChange: (pairs: Pair[]) => void;
  errorFor: (key: string) => string[] | undefined;
  onTouch: (key: string) => void;
}) {
  const { name, noun, pairs } = props;
  const set = (i: number, patch: Partial<Pair>) => props.onChange(pairs.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const input = (i: number, part: "key" | "value") => {
    const key = `${name}.${i}.${part}`;
    const id = key.replaceAll(".", "-");
    const err = props.errorFor(key);
    return (
      <div className="flex-1">
        <label htmlFor={id} className="sr-only">{noun} {i + 1} {part}</label>
        <Input id={id} name={key} placeholder={part === "key" ? "Key" : "Value"} value={pairs[i]![part]} autoComplete="off" spellCheck={false}
          onChange={(e) => set(i, { [part]: e.target.value })} onBlur={() => props.onTouch(key)} {...fieldAria(id, err)} />
        {err && <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-700">{err[0]}</p>}
      </div>
    );
  };
  return (
    <fieldset className="space-y-2">
      <legend className="text-[13px] font-medium">{props.legend}</legend>
      {props.hint && <p className="text-xs text-ink-muted">{props.hint}</p>}
      {pairs.map((p, i) => (
        <div key={i} className="flex items-start gap-2">
          {input(i, "key")}
          {input(i, "value")}
          {props.withEffect && (
            <div className="w-48">
              <label htmlFor={`${name}-${i}-effect`} className="sr-only">{noun} {i + 1} effect</label>
              <Select id={`${name}-${i}-effect`} name={`${name}.${i}.effect`} value={p.effect ?? "NO_SCHEDULE"} onChange={(e) => set(i, { effect: e.target.value })}>
                {EFFECTS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </Select>
            </div>
          )}
          <Button type="button" variant="ghost" onClick={() => props.onChange(pairs.filter((_, j) => j !== i))} aria-label={`Remove ${noun.toLowerCase()} ${i + 1}`}>Remove</Button>
        </div>
      ))}
      {pairs.length < props.max && (
        <Button type="button" variant="secondary" size="sm" onClick={() => props.onChange([...pairs, props.withEffect ? { key: "", value: "", effect: "NO_SCHEDULE" } : { key: "", value: "" }])}>
          Add {noun.toLowerCase()}
        </Button>
      )}
    </fieldset>
  );
}
