"use client";

import { Field, fieldAria } from "@/components/ui/field";
import { Input, RadioCards, Select } from "@/components/ui/input";
import { STANDARD_ROLES } from "@/lib/iam/roles";
import type { TaskDefinitionForm } from "@/lib/ecs/task-definitions/form-values";
import { plural, pluralWord } from "@/lib/core/format/plural";

export type RoleOption = { name: string; arn: string };

type Props = {
  values: TaskDefinitionForm;
  roles: RoleOption[] | null;
  set: (patch: Partial<TaskDefinitionForm>) => void;
  errorFor: (key: string) => string[] | undefined;
  touch: (key: string) => void;
};

function RolePick({ id, label, value, roles, onChange, errorFor, touch }: { id: string; label: string; value: string; roles: RoleOption[] | null } & Pick<Props, "errorFor" | "touch"> & { onChange: (arn: string) => void }) {
  return (
    <Field label={label} htmlFor={id} error={errorFor(id)}>
      {roles ? (
        <Select id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)} onBlur={() => touch(id)} {...fieldAria(id, errorFor(id))}>
          <option value="">Pick a role…</option>
          {roles.map((r) => <option key={r.arn} value={r.arn}>{r.name}</option>)}
          {value && !roles.some((r) => r.arn === value) && <option value={value}>{value.split("/").pop()}</option>}
        </Select>
      ) : (
        <Input id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)} onBlur={() => touch(id)} className="font-mono"
          placeholder="arn:aws:iam::123456789012:role/name" {...fieldAria(id, errorFor(id))} />
      )}
    </Field>
  );
}

/** Task role (none or a role trusting ecs-tasks) and task execution role (none, existing, or the standard one created). */
export function RoleFields({ values, roles, set, errorFor, touch }: Props) {
  const standard = STANDARD_ROLES.execution.name;
  const standardExists = roles?.some((r) => r.name === standard) ?? false;
  return (
    <>
      <div className="space-y-3">
        <RadioCards name="taskRoleMode" legend="Task role" value={values.taskRoleMode} onValueChange={(taskRoleMode) => set({ taskRoleMode })}
          options={[
            { value: "none", label: "None", description: "The containers call no AWS APIs." },
            { value: "existing", label: "Use an existing role", description: roles ? `${plural(roles.length, "role")} here ${pluralWord(roles.length, "trusts", "trust")} ECS tasks.` : "Enter its ARN.", disabled: roles?.length === 0 },
          ]} />
        {values.taskRoleMode === "existing" ? (
          <RolePick id="taskRoleArn" label="Existing task role" value={values.taskRoleArn} roles={roles} onChange={(taskRoleArn) => set({ taskRoleArn })} errorFor={errorFor} touch={touch} />
        ) : <input type="hidden" name="taskRoleArn" value="" />}
      </div>
      <div className="space-y-3">
        <RadioCards name="executionRoleMode" legend="Task execution role" value={values.executionRoleMode} onValueChange={(executionRoleMode) => set({ executionRoleMode })}
          options={[
            {
              value: "create",
              label: "Create the standard role",
              description: <span className="[overflow-wrap:anywhere]">{standardExists ? `${standard} already exists in this account: pick it.` : `${standard}, with AmazonECSTaskExecutionRolePolicy.`}</span>,
              disabled: standardExists,
            },
            { value: "existing", label: "Use an existing role", description: roles ? `${roles.length} suitable in this account.` : "Enter its ARN.", disabled: roles?.length === 0 },
            { value: "none", label: "None", description: "Only for public images without logs or secrets." },
          ]} />
        {errorFor("executionRoleMode") && <p id="executionRoleMode-error" role="alert" className="text-xs font-medium text-red-700">{errorFor("executionRoleMode")![0]}</p>}
        {values.executionRoleMode === "existing" ? (
          <RolePick id="executionRoleArn" label="Existing task execution role" value={values.executionRoleArn} roles={roles} onChange={(executionRoleArn) => set({ executionRoleArn })} errorFor={errorFor} touch={touch} />
        ) : <input type="hidden" name="executionRoleArn" value="" />}
      </div>
    </>
  );
}
