"use client";

import type { ComponentProps } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { RadioCards, Select } from "@/components/ui/input";
import type { TargetRoleCheck } from "./use-target-role-check";

/**
 * The role a rule or schedule runs its task with: an existing role (checked as it is picked:
 * what it lacks, or what the plan adds to Portside's), or Portside's standard role created.
 */
export function TargetRoleFields(props: {
  legend: string;
  /** "events.amazonaws.com": what an existing role must trust. */
  trusts: string;
  /** What the created role may do, for its card. */
  createDescription: string;
  standardRoleName: string;
  standardExists: boolean;
  roles: { name: string; arn: string }[];
  roleMode: string;
  onRoleMode: (mode: string) => void;
  roleModeError?: string;
  roleError?: string[];
  roleSelect: ComponentProps<typeof Select>;
  check: TargetRoleCheck | null;
}) {
  const { standardRoleName } = props;
  return (
    <>
      <RadioCards name="roleMode" legend={props.legend} value={props.roleMode} onValueChange={props.onRoleMode}
        options={[
          { value: "existing", label: "Use an existing role", description: `One that trusts ${props.trusts}.`, disabled: props.roles.length === 0 },
          {
            value: "create",
            // The role name is one long word: let it wrap inside the card.
            label: <span className="[overflow-wrap:anywhere]">Create {standardRoleName}</span>,
            description: <span className="[overflow-wrap:anywhere]">{props.standardExists ? `${standardRoleName} already exists in this account: pick it.` : props.createDescription}</span>,
            disabled: props.standardExists,
          },
        ]} />
      {props.roleModeError && <p id="roleMode-error" role="alert" className="text-xs font-medium text-red-700">{props.roleModeError}</p>}
      {props.roleMode === "existing" && (
        <Field label="Role" htmlFor="roleArn" error={props.roleError}>
          <Select {...props.roleSelect}>{props.roles.map((r) => <option key={r.arn} value={r.arn}>{r.name}</option>)}</Select>
        </Field>
      )}
      {props.roleMode === "existing" && props.check?.warnings.map((text) => (
        <Alert key={text} tone="warning" title="This role lacks a permission" className="[overflow-wrap:anywhere]" data-testid="role-warning">{text}</Alert>
      ))}
      {props.roleMode === "existing" && props.check?.widens.map((text) => (
        <Alert key={text} tone="info" title="The plan will widen this role" className="[overflow-wrap:anywhere]" data-testid="role-widen">{text}</Alert>
      ))}
    </>
  );
}
