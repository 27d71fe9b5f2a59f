"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, RadioCards, Select, Textarea } from "@/components/ui/input";
import { Link } from "@/components/ui/link";
import { PlanReview } from "@/components/wizard/plan-review";
import { PrefillNotice } from "@/components/wizard/prefill-notice";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { initialState } from "@/lib/core/actions/state";
import { previewRunTaskAction, runTaskAction } from "@/lib/ecs/tasks/actions";
import type { RunTaskPrefill } from "@/lib/ecs/tasks/prefill";
import type { PlanReview as Review } from "@/lib/core/plans/review-types";
import { runTaskSchema } from "@/lib/ecs/tasks/schema";
import { NetworkFields, type NetworkOption } from "./network-fields";

export type TaskDefinitionOption = { ref: string; networkMode: string; compatibilities: string[]; containers: string[] };

const STEPS: WizardStep[] = [
  { id: "task", label: "Task", fields: ["taskDefinition", "count", "compute", "launchType", "capacityProvider"] },
  { id: "networking", label: "Networking", fields: ["subnets", "securityGroups", "assignPublicIp"] },
  { id: "overrides", label: "Overrides", fields: ["containerName", "command", "environment"] },
];

type Props = {
  context: { connectionId: string; region: string; cluster: string };
  taskDefinitions: TaskDefinitionOption[];
  capacityProviders: string[];
  networks: NetworkOption[];
  /** Run again: the values taken from an existing task, and what it says about them. */
  prefill?: { source: string; values: Partial<RunTaskPrefill>; notes: string[]; dropped: string[] };
};

/** One-off batch job: RunTask reviewed as a plan, then run and recorded. */
export function RunTaskWizard({ context, taskDefinitions, capacityProviders, networks, prefill }: Props) {
  const first = taskDefinitions[0];
  const [values, setValues] = useState(() => ({
    ...context,
    taskDefinition: first?.ref ?? "",
    networkMode: first?.networkMode ?? "awsvpc",
    count: "1",
    compute: "launchType",
    launchType: "FARGATE",
    capacityProvider: capacityProviders[0] ?? "",
    vpcId: networks[0]?.id ?? "",
    subnets: [] as string[],
    securityGroups: [] as string[],
    assignPublicIp: "DISABLED",
    containerName: "",
    command: "",
    environment: [] as { name: string; value: string }[],
    ...prefill?.values,
  }));
  const [review, setReview] = useState<Review | null>(null);
  const [message, setMessage] = useState<{ text: string; requestId?: string }>();
  const w = useWizard(runTaskSchema, STEPS, values);
  const set = (patch: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setReview(null);
  };
  const onReview = w.current === STEPS.length;
  const chosen = taskDefinitions.find((t) => t.ref === values.taskDefinition);

  async function action(form: FormData) {
    setMessage(undefined);
    if (w.current < STEPS.length - 1) return void w.next();
    if (!onReview) {
      if (!w.next()) return;
      const result = await previewRunTaskAction(initialState, form);
      if (result.ok) return setReview(result.data as Review);
      w.applyServerErrors(result.fieldErrors ?? {});
      if (result.message) setMessage({ text: result.message, requestId: result.requestId });
      return;
    }
    form.set("reviewedHash", review?.hash ?? "");
    const result = await runTaskAction(initialState, form);
    if (result.fieldErrors) w.applyServerErrors(result.fieldErrors);
    setMessage({ text: result.message ?? "The task could not be started.", requestId: result.requestId });
  }

  const err = (k: string) => w.errorFor(k);
  const field = (k: "count" | "launchType" | "capacityProvider" | "containerName" | "command") => ({
    id: k,
    name: k,
    value: values[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => set({ [k]: e.target.value }),
    onBlur: () => w.touch(k),
    ...fieldAria(k, err(k)),
  });
  const setEnv = (environment: typeof values.environment) => set({ environment });

  return (
    <div className="space-y-4">
      {prefill && <PrefillNotice source={prefill.source} notes={prefill.notes} dropped={prefill.dropped} />}
      <WizardFrame steps={STEPS} current={w.current} action={action} onBack={w.back} message={message}
        submitLabel={onReview ? "Run task" : w.current === STEPS.length - 1 ? "Review" : "Next"}>
        {(["connectionId", "region", "cluster", "networkMode"] as const).map((k) => <input key={k} type="hidden" name={k} value={values[k]} />)}
        <div hidden={w.current !== 0}>
          <Card>
            <CardHeader title="Task" description={`A one-off run in cluster ${context.cluster}: the tasks stop when their command exits.`} />
            <CardBody className="space-y-4">
              <Field label="Task definition" htmlFor="taskDefinition" error={err("taskDefinition")} hint="The newest active revisions in this region.">
                <Select id="taskDefinition" name="taskDefinition" value={values.taskDefinition} {...fieldAria("taskDefinition", err("taskDefinition"))}
                  onChange={(e) => {
                    const td = taskDefinitions.find((t) => t.ref === e.target.value);
                    set({ taskDefinition: e.target.value, networkMode: td?.networkMode ?? "awsvpc", containerName: "" });
                  }}>
                  {taskDefinitions.length === 0 && <option value="">No task definitions yet</option>}
                  {taskDefinitions.map((t) => <option key={t.ref} value={t.ref}>{t.ref} · {t.networkMode} · {t.compatibilities.join("/") || "EC2"}</option>)}
                </Select>
              </Field>
              {values.taskDefinition && (
                <p className="text-xs text-ink-muted">
                  RunTask cannot change a container&apos;s image. To run another image,{" "}
                  <Link href={`/ecs/task-definitions/new?from=${encodeURIComponent(values.taskDefinition)}`} className="text-accent-700 underline">
                    create a new revision of {values.taskDefinition}
                  </Link>{" "}
                  (its image field picks from ECR), then run that revision.
                </p>
              )}
              <Field label="Number of tasks" htmlFor="count" error={err("count")} hint="1 to 10 per request, as RunTask allows.">
                <Input type="number" min={1} max={10} {...field("count")} />
              </Field>
              <RadioCards name="compute" legend="Compute" value={values.compute} onValueChange={(v) => set({ compute: v })}
                options={[
                  { value: "launchType", label: "Launch type", description: "Fargate or EC2, chosen directly." },
                  { value: "capacityProvider", label: "Capacity provider", description: "One of the cluster's providers.", disabled: capacityProviders.length === 0 },
                ]} />
              {values.compute === "launchType" ? (
                <Field label="Launch type" htmlFor="launchType" error={err("launchType")}>
                  <Select {...field("launchType")}><option value="FARGATE">FARGATE</option><option value="EC2">EC2</option></Select>
                </Field>
              ) : (
                <Field label="Capacity provider" htmlFor="capacityProvider" error={err("capacityProvider")}>
                  <Select {...field("capacityProvider")}>{capacityProviders.map((c) => <option key={c} value={c}>{c}</option>)}</Select>
                </Field>
              )}
            </CardBody>
          </Card>
        </div>
        <div hidden={w.current !== 1}>
          <Card>
            <CardHeader title="Networking" description={values.networkMode === "awsvpc" ? "Each task gets its own network interface in these subnets." : `This task definition uses the ${values.networkMode} network mode: the instance's network is used.`} />
            <CardBody>
              {values.networkMode === "awsvpc" && <NetworkFields networks={networks} values={values} set={set} err={err} touch={w.touch} />}
            </CardBody>
          </Card>
        </div>
        <div hidden={w.current !== 2}>
          <Card>
            <CardHeader title="Container overrides" description="Optional: replace a container's command and add environment variables for this run only." />
            <CardBody className="space-y-4">
              <Field label="Container" htmlFor="containerName" error={err("containerName")}>
                <Select {...field("containerName")}>
                  <option value="">No overrides</option>
                  {(chosen?.containers ?? []).map((c) => <option key={c} value={c}>{c}</option>)}
                </Select>
              </Field>
              <Field label="Command override" htmlFor="command" error={err("command")} hint="One argument per line, e.g. python, manage.py, migrate.">
                <Textarea rows={3} {...field("command")} spellCheck={false} className="font-mono" />
              </Field>
              <fieldset className="space-y-2">
                <legend className="text-[13px] font-medium text-ink">Environment overrides</legend>
                {values.environment.map((e, i) => (
                  <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
                    <Field label={`Variable ${i + 1} name`} htmlFor={`environment.${i}.name`} error={err(`environment.${i}.name`)}>
                      <Input id={`environment.${i}.name`} name={`environment.${i}.name`} value={e.name} onBlur={() => w.touch(`environment.${i}.name`)}
                        onChange={(ev) => setEnv(values.environment.map((x, j) => (j === i ? { ...x, name: ev.target.value } : x)))} {...fieldAria(`environment.${i}.name`, err(`environment.${i}.name`))} />
                    </Field>
                    <Field label={`Variable ${i + 1} value`} htmlFor={`environment.${i}.value`}>
                      <Input id={`environment.${i}.value`} name={`environment.${i}.value`} value={e.value}
                        onChange={(ev) => setEnv(values.environment.map((x, j) => (j === i ? { ...x, value: ev.target.value } : x)))} />
                    </Field>
                    <Button type="button" variant="ghost" className="mt-6" onClick={() => setEnv(values.environment.filter((_, j) => j !== i))}>Remove</Button>
                  </div>
                ))}
                <Button type="button" variant="secondary" onClick={() => setEnv([...values.environment, { name: "", value: "" }])}>Add variable</Button>
              </fieldset>
            </CardBody>
          </Card>
        </div>
        {onReview && review && <PlanReview review={review} note={<p className="text-xs text-ink-muted">Fargate bills each task per second of vCPU and memory while it runs.</p>} />}
      </WizardFrame>
    </div>
  );
}
