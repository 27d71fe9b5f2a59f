"use client";

import { useState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, RadioCards, Select, Textarea } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { initialState } from "@/lib/core/actions/state";
import type { PlanReview as Review } from "@/lib/core/plans/review-types";
import { createTaskAlertAction, previewTaskAlertAction } from "@/lib/ecs/task-alerts/actions";
import { createTaskAlertSchema, STOP_CODES } from "@/lib/ecs/task-alerts/schema";

const STEPS: WizardStep[] = [{ id: "alert", label: "Alert", fields: ["ruleName", "kind", "service", "deploymentEvents", "family", "when", "stopCode", "topicMode", "topicName", "topicArn", "emails"] }];

type Props = {
  context: { connectionId: string; region: string; cluster: string; clusterArn: string };
  families: string[];
  services: string[];
  topics: string[];
};

/** An EventBridge rule that mails this cluster's stopped tasks through an SNS topic. */
export function CreateTaskAlertWizard({ context, families, services, topics }: Props) {
  const [values, setValues] = useState(() => ({
    ...context,
    ruleName: `${context.cluster}-stopped-tasks`.slice(0, 64),
    kind: "tasks",
    service: "",
    deploymentEvents: "failed",
    family: "",
    when: "nonzero",
    stopCode: "EssentialContainerExited",
    topicMode: "create",
    topicName: `${context.cluster}-alerts`.slice(0, 256),
    topicArn: topics[0] ?? "",
    emails: "",
  }));
  const [review, setReview] = useState<Review | null>(null);
  const [message, setMessage] = useState<{ text: string; requestId?: string }>();
  const w = useWizard(createTaskAlertSchema, STEPS, values);
  const set = (patch: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setReview(null);
  };
  const onReview = w.current === STEPS.length;

  async function action(form: FormData) {
    setMessage(undefined);
    if (!onReview) {
      if (!w.next()) return;
      const result = await previewTaskAlertAction(initialState, form);
      if (result.ok) return setReview(result.data as Review);
      w.applyServerErrors(result.fieldErrors ?? {});
      if (result.message) setMessage({ text: result.message, requestId: result.requestId });
      return;
    }
    form.set("reviewedHash", review?.hash ?? "");
    const result = await createTaskAlertAction(initialState, form);
    if (result.fieldErrors) w.applyServerErrors(result.fieldErrors);
    setMessage({ text: result.message ?? "The alert could not be set up.", requestId: result.requestId });
  }

  const err = (k: string) => w.errorFor(k);
  const field = (k: "ruleName" | "service" | "family" | "stopCode" | "topicName" | "topicArn" | "emails") => ({
    id: k,
    name: k,
    value: values[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => set({ [k]: e.target.value }),
    onBlur: () => w.touch(k),
    ...fieldAria(k, err(k)),
  });

  return (
    <WizardFrame steps={STEPS} current={w.current} action={action} onBack={w.back} message={message} submitLabel={onReview ? "Create alert" : "Review"}>
      {(["connectionId", "region", "cluster", "clusterArn"] as const).map((k) => <input key={k} type="hidden" name={k} value={values[k]} />)}
      <div hidden={w.current !== 0} className="space-y-4">
        <Card>
          <CardHeader title="What to hear about" description={`ECS sends EventBridge an event each time a task of ${context.cluster} changes state and each time a deployment of its services starts, completes or fails; the rule picks some.`} />
          <CardBody className="space-y-4">
            <Field label="Rule name" htmlFor="ruleName" required error={err("ruleName")} hint="Up to 64 letters, digits, . - and _.">
              <Input {...field("ruleName")} autoComplete="off" spellCheck={false} />
            </Field>
            <RadioCards name="kind" legend="Alert on" value={values.kind}
              onValueChange={(v) => set({ kind: v, ruleName: `${context.cluster}-${v === "deployments" ? "deployments" : "stopped-tasks"}`.slice(0, 64) })}
              options={[
                { value: "tasks", label: "Stopped tasks", description: "ECS Task State Change: a task of the cluster stopped." },
                { value: "deployments", label: "Service deployments", description: "ECS Deployment State Change: a deployment failed or the circuit breaker rolled it back." },
              ]} />
            {values.kind === "deployments" ? (
              <>
                <Field label="Service" htmlFor="service" error={err("service")} hint="Only this service's deployments; every service of the cluster if empty.">
                  <Select {...field("service")}>
                    <option value="">Every service of the cluster</option>
                    {services.map((s) => <option key={s} value={s}>{s}</option>)}
                  </Select>
                </Field>
                <RadioCards name="deploymentEvents" legend="Alert when a deployment" value={values.deploymentEvents} onValueChange={(v) => set({ deploymentEvents: v })}
                  options={[
                    { value: "failed", label: "Fails", description: "SERVICE_DEPLOYMENT_FAILED: the circuit breaker stopped it (and rolls back when set to)." },
                    { value: "all", label: "Changes state", description: "Also SERVICE_DEPLOYMENT_IN_PROGRESS and SERVICE_DEPLOYMENT_COMPLETED, rollbacks included." },
                  ]} />
              </>
            ) : (
            <>
            <Field label="Task family" htmlFor="family" error={err("family")} hint="Only tasks of this task definition family (a service's or a job's); every task of the cluster if empty.">
              <Select {...field("family")}>
                <option value="">Every task of the cluster</option>
                {families.map((f) => <option key={f} value={f}>{f}</option>)}
              </Select>
            </Field>
            <RadioCards name="when" legend="Alert when a task stops" value={values.when} onValueChange={(v) => set({ when: v })}
              options={[
                { value: "nonzero", label: "With a non-zero exit code", description: "A container failed (crashed, was killed)." },
                { value: "stopCode", label: "With a stop code", description: "E.g. TaskFailedToStart: the image could not be pulled." },
                { value: "any", label: "For any reason", description: "Every stopped task, finished jobs and scale-ins too." },
              ]} />
            {values.when === "stopCode" && (
              <Field label="Stop code" htmlFor="stopCode" error={err("stopCode")}>
                <Select {...field("stopCode")}>{STOP_CODES.map((c) => <option key={c} value={c}>{c}</option>)}</Select>
              </Field>
            )}
            </>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Who hears about it" description="EventBridge publishes one sentence per event to an SNS topic, which mails it to each confirmed address." />
          <CardBody className="space-y-4">
            <RadioCards name="topicMode" legend="SNS topic" value={values.topicMode} onValueChange={(v) => set({ topicMode: v })}
              options={[
                { value: "create", label: "Create a topic", description: "Its policy lets EventBridge publish." },
                { value: "existing", label: "Use an existing topic", description: "Its policy must let events.amazonaws.com publish.", disabled: topics.length === 0 },
              ]} />
            {values.topicMode === "create" ? (
              <Field label="Topic name" htmlFor="topicName" required error={err("topicName")}><Input {...field("topicName")} spellCheck={false} /></Field>
            ) : (
              <Field label="Topic" htmlFor="topicArn" error={err("topicArn")}>
                <Select {...field("topicArn")}>{topics.map((t) => <option key={t} value={t}>{t.split(":").pop()}</option>)}</Select>
              </Field>
            )}
            <Field label="E-mail addresses" htmlFor="emails" error={err("emails")} hint="One a line, up to 10. AWS mails each a link to confirm; alerts arrive once confirmed.">
              <Textarea {...field("emails")} rows={3} spellCheck={false} placeholder="oncall@example.com" />
            </Field>
          </CardBody>
        </Card>
      </div>
      {onReview && review && <PlanReview review={review} note={<p className="text-xs text-ink-muted">SNS: the first 1,000 e-mails a month are free, then $2.00 per 100,000.</p>} />}
    </WizardFrame>
  );
}
