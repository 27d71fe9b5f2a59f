"use client";

import { Button } from "@/components/ui/button";
import { fieldAria } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";

/** One labelled cell of a row editor; the label is for screen readers and tests, the placeholder for the eye. */
export function Cell(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  error?: string[];
  placeholder?: string;
  mono?: boolean;
  type?: string;
  className?: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  options?: { value: string; label: string }[];
}) {
  const aria = fieldAria(props.id, props.error);
  return (
    <div className={props.className ?? "flex-1"}>
      <label htmlFor={props.id} className="sr-only">{props.label}</label>
      {props.options ? (
        <Select id={props.id} name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value)} onBlur={props.onBlur} {...aria}>
          {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </Select>
      ) : (
        <Input id={props.id} name={props.name} type={props.type} value={props.value} placeholder={props.placeholder} className={props.mono ? "font-mono" : undefined}
          onChange={(e) => props.onChange(e.target.value)} onBlur={props.onBlur} {...aria} autoComplete="off" spellCheck={false} />
      )}
      {props.error && <p id={`${props.id}-error`} role="alert" className="mt-1 text-xs text-red-700">{props.error[0]}</p>}
    </div>
  );
}

export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return <Button type="button" variant="ghost" onClick={onClick} aria-label={label}>Remove</Button>;
}
