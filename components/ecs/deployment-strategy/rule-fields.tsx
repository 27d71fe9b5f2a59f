"use client";

import type { ReactNode } from "react";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { RULE_PRIORITY, suggestPriority, type ListenerView, type RuleWhich } from "@/lib/ecs/deployment-strategy/rules";

type Props = {
  which: RuleWhich;
  listeners: ListenerView[];
  values: Record<string, string>;
  errorFor: (key: string) => string[] | undefined;
  set: (patch: Record<string, string>) => void;
};

/**
 * A listener rule to create for ECS to move: on which listener, matching which path or host, at
 * which priority (the lowest free one is offered, the server checks it is still free).
 */
export function RuleFields({ which, listeners, values, errorFor, set }: Props) {
  const name = (field: string) => `${which}Rule${field}`;
  const label = which === "production" ? "Production rule" : "Test rule";
  const listener = listeners.find((l) => l.arn === values[name("ListenerArn")]);
  const host = values[name("ConditionField")] === "host-header";
  const field = (f: string, text: string, control: (id: string) => ReactNode, hint?: string) => (
    <Field label={`${label} ${text}`} htmlFor={name(f)} error={errorFor(name(f))} hint={hint}>{control(name(f))}</Field>
  );
  return (
    <div className="grid gap-3 rounded border border-line-subtle p-3 sm:grid-cols-2">
      {field("ListenerArn", "listener", (id) => (
        <Select id={id} name={id} value={values[id]} className="w-full"
          onChange={(e) => set({ [id]: e.target.value, [name("Priority")]: String(suggestPriority(listeners.find((l) => l.arn === e.target.value)?.priorities ?? [])) })}
          {...fieldAria(id, errorFor(id))}>
          {listeners.map((l) => <option key={l.arn} value={l.arn}>{l.label}</option>)}
        </Select>
      ))}
      {field("Priority", "priority", (id) => (
        <Input id={id} name={id} inputMode="numeric" className="w-28" value={values[id]} autoComplete="off"
          onChange={(e) => set({ [id]: e.target.value })} {...fieldAria(id, errorFor(id), true)} />
      ), `${RULE_PRIORITY.min}–${RULE_PRIORITY.max}, free on the listener${listener?.priorities.length ? ` (taken: ${listener.priorities.slice(0, 10).join(", ")})` : ""}.`)}
      {field("ConditionField", "matches", (id) => (
        <Select id={id} name={id} value={values[id]} className="w-full" onChange={(e) => set({ [id]: e.target.value })}>
          <option value="path-pattern">Path</option>
          <option value="host-header">Host header</option>
        </Select>
      ))}
      {field("ConditionValue", host ? "host" : "path", (id) => (
        <Input id={id} name={id} className="w-full font-mono" value={values[id]} autoComplete="off" placeholder={host ? "test.example.com" : "/api/*"}
          onChange={(e) => set({ [id]: e.target.value })} {...fieldAria(id, errorFor(id), true)} />
      ), host ? "A host name; * and ? match any characters." : "A path pattern; * and ? match any characters.")}
    </div>
  );
}
