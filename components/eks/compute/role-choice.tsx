"use client";

import { Field, fieldAria } from "@/components/ui/field";
import { RadioCards, Select } from "@/components/ui/input";

export type RoleOption = { name: string; arn: string };

/** Pick a role whose trust policy fits, or let the plan create the standard one (offered only while it does not exist). */
export function RoleChoice(props: {
  prefix: "nodeRole" | "podRole";
  title: string;
  standardName: string;
  policies: string[];
  trusts: string;
  roles: RoleOption[];
  mode: string;
  arn: string;
  onChange: (patch: { mode?: string; arn?: string }) => void;
  errorFor: (key: string) => string[] | undefined;
  touch: (key: string) => void;
}) {
  const modeKey = `${props.prefix}Mode`;
  const arnKey = `${props.prefix}Arn`;
  const exists = props.roles.some((r) => r.name === props.standardName);
  return (
    <div className="space-y-3">
      <RadioCards name={modeKey} legend={props.title} value={props.mode} onValueChange={(v) => props.onChange({ mode: v })}
        options={[
          {
            value: "create",
            label: <span className="[overflow-wrap:anywhere]">Create {props.standardName}</span>,
            description: <span className="[overflow-wrap:anywhere]">{exists ? "It already exists in this account: pick it." : `Trusts ${props.trusts}, with ${props.policies.join(", ")}.`}</span>,
            disabled: exists,
          },
          {
            value: "existing",
            label: "Use an existing role",
            description: props.roles.length ? `${props.roles.length} in this account trust ${props.trusts}.` : `None in this account trusts ${props.trusts} yet.`,
            disabled: props.roles.length === 0,
          },
        ]} />
      {props.errorFor(modeKey) && <p role="alert" className="text-xs font-medium text-red-700">{props.errorFor(modeKey)![0]}</p>}
      {props.mode === "existing" ? (
        <Field label={props.title} htmlFor={arnKey} error={props.errorFor(arnKey)}>
          <Select id={arnKey} name={arnKey} value={props.arn} onChange={(e) => props.onChange({ arn: e.target.value })} onBlur={() => props.touch(arnKey)} {...fieldAria(arnKey, props.errorFor(arnKey))}>
            <option value="">Pick a role…</option>
            {props.roles.map((r) => <option key={r.arn} value={r.arn}>{r.name}</option>)}
          </Select>
        </Field>
      ) : (
        <input type="hidden" name={arnKey} value="" />
      )}
    </div>
  );
}
