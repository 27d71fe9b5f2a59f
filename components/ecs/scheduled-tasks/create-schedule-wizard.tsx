"use client";

import { useState } from "react";
import { NetworkFields, type NetworkOption } from "@/components/ecs/tasks/network-fields";
import { TargetRoleFields } from "@/components/ecs/tasks/target-role-fields";
import { useTargetRoleCheck } from "@/components/ecs/tasks/use-target-role-check";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { PrefillNotice } from "@/components/wizard/prefill-notice";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { initialState } from "@/lib/core/actions/state";
import { checkScheduleRoleAction, createScheduleAction, previewScheduleAction } from "@/lib/ecs/scheduled-tasks/actions";
import type { SchedulePrefill } from "@/lib/ecs/scheduled-tasks/prefill";
import type { PlanReview as Review } from "@/lib/core/plans/review-types";
import { createScheduleSchema } from "@/lib/ecs/scheduled-tasks/schema";
import { NextRunsPreview } from "./next-runs-preview";

const STEPS: WizardStep[] = [
  { id: "schedule", label: "Schedule", fields: ["scheduleName", "description", "expression", "timezone"] },
  { id: "target", label: "Task", fields: ["taskDefinition", "count", "subnets", "securityGroups", "assignPublicIp", "roleMode", "roleArn"] },
];

const ZONES = ["UTC", "America/New_York", "America/Chicago", "America/Los_Angeles", "America/Sao_Paulo", "Europe/London", "Europe/Berlin", "Europe/Paris", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney"];

type Props = {
  context: { connectionId: string; region: string; cluster: string; clusterArn: string };
  taskDefinitions: string[];
  networks: NetworkOption[];
  roles: { name: string; arn: string }[];
  standardRoleName: string;
  /** Duplicate: the values taken from an existing schedule, and what it says about them. */
  prefill?: { source: string; values: Partial<SchedulePrefill>; notes: string[]; dropped: string[] };
};

/** An EventBridge Scheduler schedule that runs a Fargate task in this cluster. */
export function CreateScheduleWizard({ context, taskDefinitions, networks, roles, standardRoleName, prefill }: Props) {
  // Portside's own role, once it exists, is the one to reuse: the plan widens it for this task.
  const standard = roles.find((r) => r.name === standardRoleName);
  const [values, setValues] = useState(() => ({
    ...context,
    scheduleName: "",
    description: "",
    expression: "rate(1 hour)",
    timezone: "UTC",
    taskDefinition: taskDefinitions[0] ?? "",
    count: "1",
    vpcId: networks[0]?.id ?? "",
    subnets: [] as string[],
    securityGroups: [] as string[],
    assignPublicIp: "DISABLED",
    roleMode: roles.length ? "existing" : "create",
    roleArn: (standard ?? roles[0])?.arn ?? "",
    ...prefill?.values,
  }));
  const [review, setReview] = useState<Review | null>(null);
  const [message, setMessage] = useState<{ text: string; requestId?: string }>();
  const w = useWizard(createScheduleSchema, STEPS, values);
  const set = (patch: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setReview(null);
  };
  const onReview = w.current === STEPS.length;
  // Read only once the Task step (where the role is picked) has been reached.
  const roleCheck = useTargetRoleCheck(checkScheduleRoleAction, context, values, w.current >= 1);

  async function action(form: FormData) {
    setMessage(undefined);
    if (w.current < STEPS.length - 1) return void w.next();
    if (!onReview) {
      if (!w.next()) return;
      const result = await previewScheduleAction(initialState, form);
      if (result.ok) return setReview(result.data as Review);
      w.applyServerErrors(result.fieldErrors ?? {});
      if (result.message) setMessage({ text: result.message, requestId: result.requestId });
      return;
    }
    form.set("reviewedHash", review?.hash ?? "");
    const result = await createScheduleAction(initialState, form);
    if (result.fieldErrors) w.applyServerErrors(result.fieldErrors);
    setMessage({ text: result.message ?? "The schedule could not be created.", requestId: result.requestId });
  }

  const err = (k: string) => w.errorFor(k);
  const field = (k: "scheduleName" | "description" | "expression" | "timezone" | "taskDefinition" | "count" | "roleArn") => ({
    id: k,
    name: k,
    value: values[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set({ [k]: e.target.value }),
    onBlur: () => w.touch(k),
    ...fieldAria(k, err(k)),
  });

  return (
    <div className="space-y-4">
      {prefill && <PrefillNotice source={prefill.source} notes={prefill.notes} dropped={prefill.dropped} />}
      <WizardFrame steps={STEPS} current={w.current} action={action} onBack={w.back} message={message}
        submitLabel={onReview ? "Create schedule" : w.current === STEPS.length - 1 ? "Review" : "Next"}>
        {(["connectionId", "region", "cluster", "clusterArn"] as const).map((k) => <input key={k} type="hidden" name={k} value={values[k]} />)}
        <div hidden={w.current !== 0}>
          <Card>
            <CardHeader title="Schedule" description="EventBridge Scheduler starts the task at these times, exactly (flexible time window off)." />
            <CardBody className="space-y-4">
              <Field label="Schedule name" htmlFor="scheduleName" required error={err("scheduleName")} hint="Up to 64 letters, digits, . - and _.">
                <Input {...field("scheduleName")} autoFocus autoComplete="off" spellCheck={false} placeholder="nightly-report" />
              </Field>
              <Field label="Description (optional)" htmlFor="description" error={err("description")}><Input {...field("description")} /></Field>
              <Field label="Schedule expression" htmlFor="expression" required error={err("expression")}
                hint="rate(5 minutes), rate(1 hour), or cron(minutes hours day-of-month month day-of-week year), e.g. cron(0 9 ? * MON-FRI *).">
                <Input {...field("expression")} autoComplete="off" spellCheck={false} className="font-mono" />
              </Field>
              <Field label="Time zone" htmlFor="timezone" error={err("timezone")} hint="Cron expressions are read in this zone, daylight saving included.">
                <Select {...field("timezone")}>{ZONES.map((z) => <option key={z} value={z}>{z}</option>)}</Select>
              </Field>
              <NextRunsPreview expression={values.expression} timezone={values.timezone} />
            </CardBody>
          </Card>
        </div>
        <div hidden={w.current !== 1}>
          <Card>
            <CardHeader title="Task" description={`ECS RunTask on Fargate in cluster ${context.cluster}.`} />
            <CardBody className="space-y-4">
              <div className="grid gap-4 md:grid-cols-2">
                <Field label="Task definition" htmlFor="taskDefinition" error={err("taskDefinition")}>
                  <Select {...field("taskDefinition")}>
                    {taskDefinitions.length === 0 && <option value="">No Fargate task definitions yet</option>}
                    {taskDefinitions.map((t) => <option key={t} value={t}>{t}</option>)}
                  </Select>
                </Field>
                <Field label="Number of tasks" htmlFor="count" error={err("count")}><Input type="number" min={1} max={10} {...field("count")} /></Field>
              </div>
              <NetworkFields networks={networks} values={values} set={set} err={err} touch={w.touch} />
              <TargetRoleFields legend="Scheduler role" trusts="scheduler.amazonaws.com" createDescription="Trusts EventBridge Scheduler; may run this family's tasks and pass their roles to ECS."
                standardRoleName={standardRoleName} standardExists={Boolean(standard)} roles={roles}
                roleMode={values.roleMode} onRoleMode={(v) => set({ roleMode: v as typeof values.roleMode })}
                roleModeError={err("roleMode")?.[0]} roleError={err("roleArn")} roleSelect={field("roleArn")} check={roleCheck} />
            </CardBody>
          </Card>
        </div>
        {onReview && review && <PlanReview review={review} note={<p className="text-xs text-ink-muted">EventBridge Scheduler: 14 million invocations a month free, then $1.00 per million; the tasks bill as Fargate.</p>} />}
      </WizardFrame>
    </div>
  );
}
