"use client";

import { Field, fieldAria } from "@/components/ui/field";
import { Input, RadioCards, Select } from "@/components/ui/input";

export type RoleOption = { name: string; arn: string };

type Props = {
  kind: "execution" | "infrastructure";
  title: string;
  standardName: string;
  policyName: string;
  roles: RoleOption[] | null;
  mode: string;
  arn: string;
  onChange: (patch: { mode?: string; arn?: string }) => void;
  errorFor: (key: string) => string[] | undefined;
  touch: (key: string) => void;
};

/**
 * Pick an existing role (those whose trust policy fits), or let the plan create the
 * standard one. Creating is offered only when no role of that name exists yet.
 */
export function RolePicker({ kind, title, standardName, policyName, roles, mode, arn, onChange, errorFor, touch }: Props) {
  const modeKey = `${kind}RoleMode`;
  const arnKey = `${kind}RoleArn`;
  const standardExists = roles?.some((r) => r.name === standardName) ?? false;
  return (
    <div className="space-y-3">
      <RadioCards name={modeKey} legend={title} value={mode} onValueChange={(v) => onChange({ mode: v })}
        options={[
          {
            value: "create",
            label: "Create the standard role",
            // Role and policy names are long unbroken words: let them wrap inside the card.
            description: (
              <span className="[overflow-wrap:anywhere]">
                {standardExists ? `${standardName} already exists in this account: pick it.` : `${standardName}, with the AWS managed policy ${policyName}.`}
              </span>
            ),
            disabled: standardExists,
          },
          {
            value: "existing",
            label: "Use an existing role",
            description: !roles ? "Enter its ARN." : roles.length ? `${roles.length} suitable in this account.` : "None in this account trusts ECS for this yet.",
            disabled: roles?.length === 0,
          },
        ]} />
      {errorFor(modeKey) && <p id={`${modeKey}-error`} role="alert" className="text-xs font-medium text-red-700">{errorFor(modeKey)![0]}</p>}
      {mode === "existing" && (
        <Field label={`Existing ${title.toLowerCase()}`} htmlFor={arnKey} error={errorFor(arnKey)}>
          {roles ? (
            <Select id={arnKey} name={arnKey} value={arn} onChange={(e) => onChange({ arn: e.target.value })} onBlur={() => touch(arnKey)} {...fieldAria(arnKey, errorFor(arnKey))}>
              <option value="">Pick a role…</option>
              {roles.map((r) => <option key={r.arn} value={r.arn}>{r.name}</option>)}
            </Select>
          ) : (
            <Input id={arnKey} name={arnKey} value={arn} onChange={(e) => onChange({ arn: e.target.value })} onBlur={() => touch(arnKey)}
              className="font-mono" placeholder="arn:aws:iam::123456789012:role/name" {...fieldAria(arnKey, errorFor(arnKey))} />
          )}
        </Field>
      )}
      {mode !== "existing" && <input type="hidden" name={arnKey} value="" />}
    </div>
  );
}
