"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, RadioCards, Select } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { TagsEditor } from "@/components/wizard/tags-editor";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { initialState } from "@/lib/core/actions/state";
import { previewTaskDefinitionPlanAction, registerTaskDefinitionAction } from "@/lib/ecs/task-definitions/actions";
import type { PlanReview as Review } from "@/lib/core/plans/review-types";
import { defaultLogGroup, newContainer, type ContainerForm, type TaskDefinitionForm } from "@/lib/ecs/task-definitions/form-values";
import {
  createTaskDefinitionSchema, cpuLabel, FARGATE_SIZES, fargateCpuOptions, isWindows, memoryLabel, networkModesFor, OS_FAMILIES, OS_LABELS, usesFargate,
} from "@/lib/ecs/task-definitions/schema";
import { RoleFields, type RoleOption } from "./role-fields";
import { ContainerCard } from "./container-card";

const STEPS: WizardStep[] = [
  { id: "infrastructure", label: "Infrastructure", fields: ["connectionId", "region", "family", "launchType", "osFamily", "cpuArchitecture", "networkMode", "cpu", "memory"] },
  { id: "roles", label: "Roles and tags", fields: ["taskRoleMode", "taskRoleArn", "executionRoleMode", "executionRoleArn", "tags"] },
  { id: "containers", label: "Containers", fields: ["containers"] },
];

export type TaskDefinitionWizardProps = {
  connection: { id: string; name: string; region: string };
  initial: TaskDefinitionForm;
  roles: RoleOption[] | null;
  rolesError?: string;
  fromLabel?: string;
  /** New revision: the base revision's settings this wizard does not edit, sent again unchanged (shown read-only). */
  carried?: { name: string; json: string }[];
};

/** Keeps the platform consistent as the person changes it, as the console's form does. */
function normalize(v: TaskDefinitionForm): TaskDefinitionForm {
  const out = { ...v };
  if (isWindows(out.osFamily)) out.cpuArchitecture = "X86_64";
  const modes = networkModesFor(out.launchType, out.osFamily);
  if (!modes.includes(out.networkMode as never)) out.networkMode = modes[0]!;
  if (usesFargate(out.launchType)) {
    const cpus = fargateCpuOptions(out.osFamily);
    if (!cpus.includes(out.cpu)) out.cpu = cpus.includes("1024") ? "1024" : cpus[0]!;
    const mems = FARGATE_SIZES[out.cpu]!;
    if (!mems.includes(out.memory)) out.memory = mems.find((m) => Number(m) >= Number(out.memory || 0)) ?? mems[mems.length - 1]!;
  }
  return out;
}

export function TaskDefinitionWizard({ connection, initial, roles, rolesError, fromLabel, carried }: TaskDefinitionWizardProps) {
  const [values, setValues] = useState<TaskDefinitionForm>(initial);
  const [review, setReview] = useState<Review | null>(null);
  const [message, setMessage] = useState<{ text: string; requestId?: string }>();
  const all = { connectionId: connection.id, region: connection.region, ...values };
  const w = useWizard(createTaskDefinitionSchema, STEPS, all);
  const set = (patch: Partial<TaskDefinitionForm>) => {
    setValues((v) => normalize({ ...v, ...patch }));
    setReview(null);
  };
  const setFamily = (family: string) =>
    set({
      family,
      // Log groups still at the default follow the family name.
      containers: values.containers.map((c) => (c.logs.group === defaultLogGroup(values.family) ? { ...c, logs: { ...c.logs, group: defaultLogGroup(family) } } : c)),
    });
  const setContainer = (i: number, patch: Partial<ContainerForm>) => set({ containers: values.containers.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const onReview = w.current === STEPS.length;
  const fargate = usesFargate(values.launchType);
  const windows = isWindows(values.osFamily);

  async function action(form: FormData) {
    setMessage(undefined);
    if (w.current < STEPS.length - 1) return void w.next();
    if (!onReview) {
      if (!w.next()) return;
      const result = await previewTaskDefinitionPlanAction(initialState, form);
      if (result.ok) return setReview(result.data as Review);
      w.applyServerErrors(result.fieldErrors ?? {});
      if (result.message && !result.fieldErrors) setMessage({ text: result.message, requestId: result.requestId });
      return;
    }
    form.set("reviewedHash", review?.hash ?? "");
    const result = await registerTaskDefinitionAction(initialState, form);
    if (result.fieldErrors) w.applyServerErrors(result.fieldErrors);
    setMessage({ text: result.message ?? "The plan could not be started.", requestId: result.requestId });
  }

  const err = (k: string) => w.errorFor(k);
  const select = (k: "osFamily" | "cpuArchitecture" | "networkMode" | "cpu" | "memory") => ({
    id: k, name: k, value: values[k],
    onChange: (e: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) => set({ [k]: e.target.value }),
    onBlur: () => w.touch(k),
    ...fieldAria(k, err(k)),
  });

  return (
    <div className="space-y-4">
      {fromLabel && (
        <Alert tone="info" title={`New revision from ${fromLabel}`}>
          Registering with the same family adds its next revision. Nothing changes until you confirm the plan.
          {carried && carried.length > 0 && (
            <details className="mt-1">
              <summary className="cursor-pointer">
                Carried over unchanged (this wizard does not edit them): <span className="font-mono">{carried.map((c) => c.name).join(", ")}</span>
              </summary>
              <dl aria-label="Carried over unchanged" className="mt-1 space-y-1">
                {carried.map((c) => (
                  <div key={c.name}>
                    <dt className="font-mono text-xs font-semibold">{c.name}</dt>
                    <dd><pre className="max-h-40 overflow-auto whitespace-pre-wrap break-all rounded bg-white/60 p-1.5 font-mono text-xs">{c.json}</pre></dd>
                  </div>
                ))}
              </dl>
            </details>
          )}
        </Alert>
      )}
      <WizardFrame steps={STEPS} current={w.current} action={action} onBack={w.back} message={message}
        submitLabel={onReview ? "Register task definition" : w.current === STEPS.length - 1 ? "Review" : "Next"}>
        <input type="hidden" name="connectionId" value={connection.id} />
        <input type="hidden" name="region" value={connection.region} />
        <input type="hidden" name="launchType" value={values.launchType} />
        {fromLabel && <input type="hidden" name="baseRevision" value={fromLabel} />}

        <div hidden={w.current !== 0}>
          <Card>
            <CardHeader title="Task definition configuration" description={`Registered in ${connection.region} · ${connection.name}.`} />
            <CardBody className="space-y-5">
              <Field label="Task definition family" htmlFor="family" required error={err("family")}
                hint="Up to 255 letters, digits, hyphens and underscores. An existing family gets a new revision.">
                <Input id="family" name="family" value={values.family} onChange={(e) => setFamily(e.target.value)} onBlur={() => w.touch("family")}
                  autoFocus autoComplete="off" spellCheck={false} placeholder="web" {...fieldAria("family", err("family"), true)} />
              </Field>
              <RadioCards name="launchTypeChoice" legend="Launch type" value={values.launchType} onValueChange={(launchType) => set({ launchType })}
                options={[
                  { value: "FARGATE", label: "AWS Fargate", description: "Serverless: no instances to manage." },
                  { value: "EC2", label: "Amazon EC2 instances", description: "Runs on container instances in your cluster." },
                  { value: "FARGATE_EC2", label: "Both", description: "Valid for either; Fargate's rules apply." },
                ]} />
              <div className="grid gap-4 md:grid-cols-3">
                <Field label="Operating system" htmlFor="osFamily" error={err("osFamily")}>
                  <Select {...select("osFamily")}>{OS_FAMILIES.map((o) => <option key={o} value={o}>{OS_LABELS[o]}</option>)}</Select>
                </Field>
                <Field label="CPU architecture" htmlFor="cpuArchitecture" error={err("cpuArchitecture")} hint={windows ? "Windows runs on X86_64 only." : undefined}>
                  <Select {...select("cpuArchitecture")}>
                    <option value="X86_64">X86_64</option>
                    <option value="ARM64" disabled={windows}>ARM64</option>
                  </Select>
                </Field>
                <Field label="Network mode" htmlFor="networkMode" error={err("networkMode")} hint={fargate ? "Fargate tasks always use awsvpc." : undefined}>
                  <Select {...select("networkMode")}>
                    {networkModesFor(values.launchType, values.osFamily).map((m) => <option key={m} value={m}>{m === "default" ? "default (NAT)" : m}</option>)}
                  </Select>
                </Field>
              </div>
              <div className="grid gap-4 md:grid-cols-2">
                {fargate ? (
                  <>
                    <Field label="CPU" htmlFor="cpu" error={err("cpu")}>
                      <Select {...select("cpu")}>{fargateCpuOptions(values.osFamily).map((c) => <option key={c} value={c}>{cpuLabel(c)}</option>)}</Select>
                    </Field>
                    <Field label="Memory" htmlFor="memory" error={err("memory")} hint="Only the sizes Fargate offers with this CPU.">
                      <Select {...select("memory")}>{(FARGATE_SIZES[values.cpu] ?? []).map((m) => <option key={m} value={m}>{memoryLabel(m)}</option>)}</Select>
                    </Field>
                  </>
                ) : (
                  <>
                    <Field label="Task CPU (units)" htmlFor="cpu" error={err("cpu")} hint="Optional on EC2. 1024 units = 1 vCPU.">
                      <Input {...select("cpu")} inputMode="numeric" />
                    </Field>
                    <Field label="Task memory (MiB)" htmlFor="memory" error={err("memory")} hint="Optional on EC2; then each container needs a memory limit.">
                      <Input {...select("memory")} inputMode="numeric" />
                    </Field>
                  </>
                )}
              </div>
            </CardBody>
          </Card>
        </div>

        <div hidden={w.current !== 1}>
          <Card>
            <CardHeader title="Roles" description="The task role is what your code may do in AWS. The task execution role lets ECS pull private images, write logs and read secrets for the task." />
            <CardBody className="space-y-6">
              {rolesError && <Alert tone="warning" title="Could not list IAM roles">{rolesError} Enter role ARNs instead.</Alert>}
              <RoleFields values={values} roles={roles} set={set} errorFor={err} touch={w.touch} />
              <TagsEditor tags={values.tags} onChange={(tags) => set({ tags })} errorFor={err} onTouch={w.touch} />
            </CardBody>
          </Card>
        </div>

        <div hidden={w.current !== 2} className="space-y-4">
          {err("containers") && <Alert tone="error" title="Containers">{err("containers")![0]}</Alert>}
          {values.containers.map((c, i) => (
            <ContainerCard key={i} index={i} container={c} region={connection.region} connectionId={connection.id} windows={windows}
              onChange={(patch) => setContainer(i, patch)} errorFor={err} touch={w.touch}
              onRemove={values.containers.length > 1 ? () => set({ containers: values.containers.filter((_, j) => j !== i) }) : undefined} />
          ))}
          <Button type="button" variant="secondary" disabled={values.containers.length >= 10}
            onClick={() => set({ containers: [...values.containers, newContainer(values.family, false)] })}>
            Add container
          </Button>
        </div>

        {onReview && review && (
          <PlanReview review={review} note={<p className="text-xs text-ink-muted">Cost: task definitions are free; you pay for the tasks that run them. Log groups bill for stored logs.</p>} />
        )}
      </WizardFrame>
    </div>
  );
}
