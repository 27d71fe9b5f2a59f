"use client";

import { useEffect, useState } from "react";
import { NetworkFields, type NetworkOption } from "@/components/ecs/tasks/network-fields";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, RadioCards, Select } from "@/components/ui/input";
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
  const roleCheck = useRoleCheck(context, values, w.current >= 1);

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
              <RadioCards name="roleMode" legend="Scheduler role" value={values.roleMode} onValueChange={(v) => set({ roleMode: v })}
                options={[
                  { value: "existing", label: "Use an existing role", description: "One that trusts scheduler.amazonaws.com.", disabled: roles.length === 0 },
                  {
                    value: "create",
                    // The role name is one long word: let it wrap inside the card.
                    label: <span className="[overflow-wrap:anywhere]">Create {standardRoleName}</span>,
                    description: <span className="[overflow-wrap:anywhere]">{standard ? `${standardRoleName} already exists in this account: pick it.` : "Trusts EventBridge Scheduler; may run this family's tasks and pass their roles to ECS."}</span>,
                    disabled: Boolean(standard),
                  },
                ]} />
              {err("roleMode") && <p id="roleMode-error" role="alert" className="text-xs font-medium text-red-700">{err("roleMode")![0]}</p>}
              {values.roleMode === "existing" && (
                <Field label="Role" htmlFor="roleArn" error={err("roleArn")}>
                  <Select {...field("roleArn")}>{roles.map((r) => <option key={r.arn} value={r.arn}>{r.name}</option>)}</Select>
                </Field>
              )}
              {values.roleMode === "existing" && roleCheck?.warnings.map((text) => (
                <Alert key={text} tone="warning" title="This role lacks a permission" className="[overflow-wrap:anywhere]" data-testid="role-warning">{text}</Alert>
              ))}
              {values.roleMode === "existing" && roleCheck?.widens.map((text) => (
                <Alert key={text} tone="info" title="The plan will widen this role" className="[overflow-wrap:anywhere]" data-testid="role-widen">{text}</Alert>
              ))}
            </CardBody>
          </Card>
        </div>
        {onReview && review && <PlanReview review={review} note={<p className="text-xs text-ink-muted">EventBridge Scheduler: 14 million invocations a month free, then $1.00 per million; the tasks bill as Fargate.</p>} />}
      </WizardFrame>
    </div>
  );
}

type RoleCheck = { warnings: string[]; widens: string[] };

/** Asks the server whether the picked role allows this task (a read), as the person changes either. */
function useRoleCheck(context: Props["context"], values: { roleMode: string; roleArn: string; taskDefinition: string }, shown: boolean) {
  const [check, setCheck] = useState<(RoleCheck & { key: string }) | null>(null);
  const key = shown && values.roleMode === "existing" && values.roleArn && values.taskDefinition ? `${values.roleArn} ${values.taskDefinition}` : "";
  useEffect(() => {
    if (!key) return;
    let current = true;
    const form = new FormData();
    for (const [k, v] of Object.entries({ connectionId: context.connectionId, region: context.region, clusterArn: context.clusterArn, roleArn: values.roleArn, taskDefinition: values.taskDefinition })) form.set(k, v);
    void checkScheduleRoleAction(initialState, form).then((result) => {
      if (current && result.ok) setCheck({ key, ...(result.data as RoleCheck) });
    });
    return () => {
      current = false;
    };
    // The key holds every value the check reads.
  }, [key]);
  return check?.key === key ? check : null;
}
