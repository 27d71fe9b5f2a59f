"use client";

import { useState } from "react";
import { NetworkFields, type NetworkOption } from "@/components/ecs/tasks/network-fields";
import { TargetRoleFields } from "@/components/ecs/tasks/target-role-fields";
import { useTargetRoleCheck } from "@/components/ecs/tasks/use-target-role-check";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, RadioCards, Select, Textarea } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { initialState } from "@/lib/core/actions/state";
import { checkEventsRoleAction, createEventTaskAction, previewEventTaskAction } from "@/lib/ecs/event-tasks/actions";
import type { PlanReview as Review } from "@/lib/core/plans/review-types";
import { createEventTaskSchema } from "@/lib/ecs/event-tasks/schema";
import { InputPreview } from "./input-preview";

const STEPS: WizardStep[] = [
  { id: "source", label: "Event source", fields: ["ruleName", "description", "source", "bucketMode", "bucket", "keyPrefix", "keySuffix", "pattern"] },
  { id: "target", label: "Task", fields: ["taskDefinition", "container", "bucketVariable", "keyVariable", "count", "compute", "capacityProvider", "subnets", "securityGroups", "assignPublicIp", "roleMode", "roleArn", "retryAttempts", "maxEventAge", "deadLetterQueue"] },
];

const EXAMPLE_PATTERN = `{
  "source": ["aws.ecr"],
  "detail-type": ["ECR Image Action"],
  "detail": { "action-type": ["PUSH"], "result": ["SUCCESS"] }
}`;

type Props = {
  context: { connectionId: string; region: string; cluster: string; clusterArn: string };
  /** Fargate-runnable revisions and their containers. */
  taskDefinitions: { ref: string; containers: string[] }[];
  buckets: string[];
  /** The cluster's capacity providers, for a capacity provider strategy instead of the Fargate launch type. */
  capacityProviders: string[];
  /** SQS queue names of this region, for the dead-letter queue. */
  queues: string[];
  networks: NetworkOption[];
  roles: { name: string; arn: string }[];
  standardRoleName: string;
};

/** An EventBridge rule that runs a Fargate task in this cluster for each S3 upload or matching event. */
export function CreateEventTaskWizard({ context, taskDefinitions, buckets, capacityProviders, queues, networks, roles, standardRoleName }: Props) {
  const standard = roles.find((r) => r.name === standardRoleName);
  const [values, setValues] = useState(() => ({
    ...context,
    ruleName: "",
    description: "",
    source: "s3",
    bucketMode: buckets.length ? "existing" : "create",
    bucket: buckets[0] ?? "",
    keyPrefix: "",
    keySuffix: "",
    pattern: "",
    taskDefinition: taskDefinitions[0]?.ref ?? "",
    container: taskDefinitions[0]?.containers[0] ?? "",
    bucketVariable: "S3_BUCKET",
    keyVariable: "S3_KEY",
    count: "1",
    compute: "launchType",
    capacityProvider: capacityProviders[0] ?? "",
    retryAttempts: "185",
    maxEventAge: "86400",
    deadLetterQueue: "",
    vpcId: networks[0]?.id ?? "",
    subnets: [] as string[],
    securityGroups: [] as string[],
    assignPublicIp: "DISABLED",
    roleMode: roles.length ? "existing" : "create",
    roleArn: (standard ?? roles[0])?.arn ?? "",
  }));
  const [review, setReview] = useState<Review | null>(null);
  const [message, setMessage] = useState<{ text: string; requestId?: string }>();
  const w = useWizard(createEventTaskSchema, STEPS, values);
  const set = (patch: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setReview(null);
  };
  const onReview = w.current === STEPS.length;
  const roleCheck = useTargetRoleCheck(checkEventsRoleAction, context, values, w.current >= 1);
  const containers = taskDefinitions.find((t) => t.ref === values.taskDefinition)?.containers ?? [];
  const s3 = values.source === "s3";

  async function action(form: FormData) {
    setMessage(undefined);
    if (w.current < STEPS.length - 1) return void w.next();
    if (!onReview) {
      if (!w.next()) return;
      const result = await previewEventTaskAction(initialState, form);
      if (result.ok) return setReview(result.data as Review);
      w.applyServerErrors(result.fieldErrors ?? {});
      if (result.message) setMessage({ text: result.message, requestId: result.requestId });
      return;
    }
    form.set("reviewedHash", review?.hash ?? "");
    const result = await createEventTaskAction(initialState, form);
    if (result.fieldErrors) w.applyServerErrors(result.fieldErrors);
    setMessage({ text: result.message ?? "The rule could not be created.", requestId: result.requestId });
  }

  const err = (k: string) => w.errorFor(k);
  type Key = "ruleName" | "description" | "bucket" | "capacityProvider" | "keyPrefix" | "keySuffix" | "pattern" | "container" | "bucketVariable" | "keyVariable" | "count" | "roleArn" | "retryAttempts" | "maxEventAge" | "deadLetterQueue";
  const field = (k: Key) => ({
    id: k,
    name: k,
    value: values[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => set({ [k]: e.target.value }),
    onBlur: () => w.touch(k),
    ...fieldAria(k, err(k)),
  });

  return (
    <WizardFrame steps={STEPS} current={w.current} action={action} onBack={w.back} message={message}
      submitLabel={onReview ? "Create rule" : w.current === STEPS.length - 1 ? "Review" : "Next"}>
      {(["connectionId", "region", "cluster", "clusterArn"] as const).map((k) => <input key={k} type="hidden" name={k} value={values[k]} />)}
      <div hidden={w.current !== 0}>
        <Card>
          <CardHeader title="Event source" description="An EventBridge rule on the default event bus of this region starts the task for every event it matches." />
          <CardBody className="space-y-4">
            <Field label="Rule name" htmlFor="ruleName" required error={err("ruleName")} hint="Up to 64 letters, digits, . - and _.">
              <Input {...field("ruleName")} autoFocus autoComplete="off" spellCheck={false} placeholder="process-uploads" />
            </Field>
            <Field label="Description (optional)" htmlFor="description" error={err("description")}><Input {...field("description")} /></Field>
            <RadioCards name="source" legend="Events" value={values.source} onValueChange={(v) => set({ source: v })}
              options={[
                { value: "s3", label: "S3 object created", description: "An upload to a bucket; its EventBridge notifications are switched on." },
                { value: "pattern", label: "Custom event pattern", description: "Any event on the default bus, matched by a JSON pattern." },
              ]} />
            {s3 ? (
              <>
                <RadioCards name="bucketMode" legend="Bucket" value={values.bucketMode}
                  onValueChange={(v) => set({ bucketMode: v, bucket: v === "existing" ? (buckets[0] ?? "") : "" })}
                  options={[
                    { value: "existing", label: "Use a bucket", description: "One of this region's buckets.", disabled: buckets.length === 0 },
                    { value: "create", label: "Create a bucket", description: "CreateBucket in this region; the cleanup deletes it (if empty)." },
                  ]} />
                {values.bucketMode === "create" ? (
                  <Field label="New bucket name" htmlFor="bucket" required error={err("bucket")} hint="3–63 lowercase letters, digits, . and -; unique across all of S3.">
                    <Input {...field("bucket")} autoComplete="off" spellCheck={false} className="font-mono" placeholder={`${context.cluster}-uploads`.toLowerCase()} />
                  </Field>
                ) : (
                  <Field label="Bucket name" htmlFor="bucket" required error={err("bucket")} hint="S3 sends a bucket's events to EventBridge in the bucket's own region.">
                    <Select {...field("bucket")}>
                      {buckets.map((b) => <option key={b} value={b}>{b}</option>)}
                    </Select>
                  </Field>
                )}
                <div className="grid gap-4 md:grid-cols-2">
                  <Field label="Key prefix (optional)" htmlFor="keyPrefix" error={err("keyPrefix")} hint="Only keys that start with this, e.g. incoming/.">
                    <Input {...field("keyPrefix")} autoComplete="off" spellCheck={false} className="font-mono" />
                  </Field>
                  <Field label="Key suffix (optional)" htmlFor="keySuffix" error={err("keySuffix")} hint="Only keys that end with this, e.g. .csv.">
                    <Input {...field("keySuffix")} autoComplete="off" spellCheck={false} className="font-mono" />
                  </Field>
                </div>
              </>
            ) : (
              <Field label="Event pattern" htmlFor="pattern" required error={err("pattern")}
                hint="JSON: each field lists the values to match, or operators such as prefix, suffix, anything-but, numeric and exists.">
                <Textarea {...field("pattern")} rows={8} spellCheck={false} className="font-mono text-xs" placeholder={EXAMPLE_PATTERN} />
              </Field>
            )}
          </CardBody>
        </Card>
      </div>
      <div hidden={w.current !== 1}>
        <Card>
          <CardHeader title="Task" description={`ECS RunTask in cluster ${context.cluster}, once per event.`} />
          <CardBody className="space-y-4">
            <div className="grid gap-4 md:grid-cols-2">
              <Field label="Task definition" htmlFor="taskDefinition" error={err("taskDefinition")}>
                <Select id="taskDefinition" name="taskDefinition" value={values.taskDefinition} onBlur={() => w.touch("taskDefinition")} {...fieldAria("taskDefinition", err("taskDefinition"))}
                  onChange={(e) => set({ taskDefinition: e.target.value, container: taskDefinitions.find((t) => t.ref === e.target.value)?.containers[0] ?? "" })}>
                  {taskDefinitions.length === 0 && <option value="">No Fargate task definitions yet</option>}
                  {taskDefinitions.map((t) => <option key={t.ref} value={t.ref}>{t.ref}</option>)}
                </Select>
              </Field>
              <Field label="Tasks per event" htmlFor="count" error={err("count")}><Input type="number" min={1} max={10} {...field("count")} /></Field>
            </div>
            <RadioCards name="compute" legend="Compute" value={values.compute} onValueChange={(v) => set({ compute: v })}
              options={[
                { value: "launchType", label: "Fargate launch type", description: "Serverless, billed per task." },
                { value: "capacityProvider", label: "Capacity provider strategy", description: "One of the cluster's providers, e.g. FARGATE_SPOT.", disabled: capacityProviders.length === 0 },
              ]} />
            {values.compute === "capacityProvider" && (
              <Field label="Capacity provider" htmlFor="capacityProvider" error={err("capacityProvider")} hint="The strategy: this provider, weight 1, base 0.">
                <Select {...field("capacityProvider")}>{capacityProviders.map((c) => <option key={c} value={c}>{c}</option>)}</Select>
              </Field>
            )}
            {s3 && (
              <fieldset className="space-y-3 rounded-md border border-line p-3">
                <legend className="px-1 text-[13px] font-medium text-ink">Hand the object to the task</legend>
                <p className="text-xs text-ink-muted">An input transformer reads the bucket and key from the event and sets them as environment variables of one container.</p>
                <div className="grid gap-4 md:grid-cols-3">
                  <Field label="Container" htmlFor="container" error={err("container")}>
                    <Select {...field("container")}>
                      {containers.length === 0 && <option value="">No containers</option>}
                      {containers.map((c) => <option key={c} value={c}>{c}</option>)}
                    </Select>
                  </Field>
                  <Field label="Bucket variable" htmlFor="bucketVariable" error={err("bucketVariable")}><Input {...field("bucketVariable")} className="font-mono" spellCheck={false} /></Field>
                  <Field label="Key variable" htmlFor="keyVariable" error={err("keyVariable")}><Input {...field("keyVariable")} className="font-mono" spellCheck={false} /></Field>
                </div>
                <InputPreview values={values} />
              </fieldset>
            )}
            <NetworkFields networks={networks} values={values} set={set} err={err} touch={w.touch} />
            <TargetRoleFields legend="EventBridge role" trusts="events.amazonaws.com" createDescription="Trusts EventBridge; may run this family's tasks in this cluster (ecs:RunTask) and pass their roles to ECS (iam:PassRole)."
              standardRoleName={standardRoleName} standardExists={Boolean(standard)} roles={roles}
              roleMode={values.roleMode} onRoleMode={(v) => set({ roleMode: v as typeof values.roleMode })}
              roleModeError={err("roleMode")?.[0]} roleError={err("roleArn")} roleSelect={field("roleArn")} check={roleCheck} />
            <fieldset className="space-y-3 rounded-md border border-line p-3">
              <legend className="px-1 text-[13px] font-medium text-ink">Retries and dead-letter queue</legend>
              <p className="text-xs text-ink-muted">When RunTask fails (throttled, no capacity), EventBridge retries the event; once these run out it drops it, or sends it to the queue.</p>
              <div className="grid gap-4 md:grid-cols-3">
                <Field label="Retry attempts" htmlFor="retryAttempts" error={err("retryAttempts")} hint="0–185 (AWS's default: 185).">
                  <Input type="number" min={0} max={185} {...field("retryAttempts")} />
                </Field>
                <Field label="Maximum event age (seconds)" htmlFor="maxEventAge" error={err("maxEventAge")} hint="60–86400 (default: 24 hours).">
                  <Input type="number" min={60} max={86400} {...field("maxEventAge")} />
                </Field>
                <Field label="Dead-letter queue (optional)" htmlFor="deadLetterQueue" error={err("deadLetterQueue")} hint={queues.length ? "An SQS queue of this region; its policy gets a statement letting this rule send to it." : "No SQS queues in this region."}>
                  <Select {...field("deadLetterQueue")}>
                    <option value="">None</option>
                    {queues.map((q) => <option key={q} value={q}>{q}</option>)}
                  </Select>
                </Field>
              </div>
            </fieldset>
          </CardBody>
        </Card>
      </div>
      {onReview && review && <PlanReview review={review} note={<p className="text-xs text-ink-muted">EventBridge: events from AWS services on the default bus are free; the tasks bill as Fargate. S3 sends EventBridge every event of the bucket once switched on.</p>} />}
    </WizardFrame>
  );
}
