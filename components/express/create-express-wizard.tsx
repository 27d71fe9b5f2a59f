"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { TagsEditor } from "@/components/wizard/tags-editor";
import { usePlanSubmit } from "@/components/wizard/use-plan-submit";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { createExpressAction, previewExpressPlanAction } from "@/lib/express/actions";
import type { ExpressPrefill } from "@/lib/express/prefill";
import { STANDARD_ROLES } from "@/lib/iam/roles";
import { createExpressSchema, EXPRESS_DEFAULTS, FARGATE_SIZES } from "@/lib/express/schema";
import type { Tag } from "@/lib/core/validation/tags";
import { EnvEditor, type EnvVar } from "@/components/wizard/env-editor";
import { RolePicker, type RoleOption } from "./role-picker";
import { ComputeFields, ContainerFields } from "./settings-fields";

const STEPS: WizardStep[] = [
  { id: "service", label: "Service", fields: ["connectionId", "region", "serviceName", "cluster", "image", "containerPort"] },
  { id: "compute", label: "Compute and scaling", fields: ["cpu", "memory", "minTasks", "maxTasks", "scalingMetric", "scalingTarget", "healthCheckPath"] },
  { id: "roles", label: "Roles", fields: ["executionRoleMode", "executionRoleArn", "infrastructureRoleMode", "infrastructureRoleArn"] },
  { id: "environment", label: "Environment and tags", fields: ["environment", "tags"] },
];

export type ExpressWizardProps = {
  connection: { id: string; name: string; region: string };
  roles: { execution: RoleOption[] | null; infrastructure: RoleOption[] | null };
  rolesError?: string;
  prefill: ExpressPrefill;
  prefillNotice?: string;
};

/** A prefilled size Fargate does not offer becomes the nearest one that it does. */
function sizeFrom(prefill: ExpressPrefill) {
  const cpu = prefill.cpu && FARGATE_SIZES[prefill.cpu] ? prefill.cpu : EXPRESS_DEFAULTS.cpu;
  const options = FARGATE_SIZES[cpu]!;
  const wanted = Number(prefill.memory ?? EXPRESS_DEFAULTS.memory);
  const memory = options.find((m) => Number(m) >= wanted) ?? options[options.length - 1]!;
  return { cpu, memory };
}

function roleDefaults(kind: "execution" | "infrastructure", roles: RoleOption[] | null) {
  const standard = roles?.find((r) => r.name === STANDARD_ROLES[kind].name);
  return standard ? { mode: "existing", arn: standard.arn } : { mode: "create", arn: "" };
}

export function CreateExpressWizard({ connection, roles, rolesError, prefill, prefillNotice }: ExpressWizardProps) {
  const exec = roleDefaults("execution", roles.execution);
  const infra = roleDefaults("infrastructure", roles.infrastructure);
  const [values, setValues] = useState({
    connectionId: connection.id,
    region: connection.region,
    serviceName: prefill.serviceName ?? "",
    cluster: EXPRESS_DEFAULTS.cluster as string,
    image: prefill.image ?? "",
    containerPort: String(prefill.containerPort ?? EXPRESS_DEFAULTS.containerPort),
    ...sizeFrom(prefill),
    minTasks: String(prefill.minTasks ?? EXPRESS_DEFAULTS.minTasks),
    maxTasks: String(prefill.maxTasks ?? EXPRESS_DEFAULTS.maxTasks),
    scalingMetric: EXPRESS_DEFAULTS.scalingMetric as string,
    scalingTarget: String(EXPRESS_DEFAULTS.scalingTarget),
    healthCheckPath: prefill.healthCheckPath ?? EXPRESS_DEFAULTS.healthCheckPath,
    executionRoleMode: exec.mode,
    executionRoleArn: exec.arn,
    infrastructureRoleMode: infra.mode,
    infrastructureRoleArn: infra.arn,
    environment: (prefill.environment ?? []) as EnvVar[],
    tags: [] as Tag[],
  });
  type Values = typeof values;
  const w = useWizard(createExpressSchema, STEPS, values);
  const { review, setReview, message, onReview, action } = usePlanSubmit(w, STEPS.length, previewExpressPlanAction, createExpressAction);
  const set = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setReview(null);
  };


  const err = (k: string) => w.errorFor(k);
  const text = (k: "serviceName" | "cluster") => ({
    id: k,
    name: k,
    value: values[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set({ [k]: e.target.value }),
    onBlur: () => w.touch(k),
    "aria-invalid": err(k) ? true : undefined,
    "aria-describedby": err(k) ? `${k}-error` : `${k}-hint`,
  });
  const settingsProps = { values, set, errorFor: err, touch: w.touch };

  return (
    <div className="space-y-4">
      {prefillNotice && <Alert tone="info" title={prefillNotice}>Check the values below; nothing is created until you confirm the plan.</Alert>}
      <WizardFrame steps={STEPS} current={w.current} action={action} onBack={w.back} message={message}
        submitLabel={onReview ? "Create Express service" : w.current === STEPS.length - 1 ? "Review" : "Next"}>
        <input type="hidden" name="connectionId" value={values.connectionId} />
        <input type="hidden" name="region" value={values.region} />

        <div hidden={w.current !== 0}>
          <Card>
            <CardHeader title="Service and container" description={`Runs in ${connection.region} · ${connection.name}. Express Mode adds an HTTPS load balancer, a URL and auto scaling.`} />
            <CardBody className="space-y-4">
              <ContainerFields {...settingsProps} picker={{ connectionId: connection.id, region: connection.region }} />
              <div className="grid gap-4 md:grid-cols-2">
                <Field label="Service name" htmlFor="serviceName" error={err("serviceName")}
                  hint="Optional: AWS picks a name when empty. Up to 255 letters, digits, hyphens and underscores.">
                  <Input {...text("serviceName")} autoComplete="off" spellCheck={false} placeholder="web" />
                </Field>
                <Field label="Cluster" htmlFor="cluster" error={err("cluster")} hint="Express creates the default cluster if it is missing.">
                  <Input {...text("cluster")} autoComplete="off" spellCheck={false} />
                </Field>
              </div>
            </CardBody>
          </Card>
        </div>

        <div hidden={w.current !== 1}>
          <Card>
            <CardHeader title="Compute and scaling" description="Each task runs on AWS Fargate with this size; the service scales between the minimum and the maximum." />
            <CardBody><ComputeFields {...settingsProps} /></CardBody>
          </Card>
        </div>

        <div hidden={w.current !== 2}>
          <Card>
            <CardHeader title="Roles" description="Express Mode needs two IAM roles. Portside can create the standard ones as the console does." />
            <CardBody className="space-y-6">
              {rolesError && <Alert tone="warning" title="Could not list IAM roles">{rolesError} Enter role ARNs, or create the standard roles.</Alert>}
              <RolePicker kind="execution" title="Task execution role" standardName={STANDARD_ROLES.execution.name} policyName="AmazonECSTaskExecutionRolePolicy"
                roles={roles.execution} mode={values.executionRoleMode} arn={values.executionRoleArn}
                onChange={(p) => set({ ...(p.mode ? { executionRoleMode: p.mode } : {}), ...(p.arn !== undefined ? { executionRoleArn: p.arn } : {}) })}
                errorFor={err} touch={w.touch} />
              <RolePicker kind="infrastructure" title="Infrastructure role" standardName={STANDARD_ROLES.infrastructure.name}
                policyName="AmazonECSInfrastructureRoleforExpressGatewayServices"
                roles={roles.infrastructure} mode={values.infrastructureRoleMode} arn={values.infrastructureRoleArn}
                onChange={(p) => set({ ...(p.mode ? { infrastructureRoleMode: p.mode } : {}), ...(p.arn !== undefined ? { infrastructureRoleArn: p.arn } : {}) })}
                errorFor={err} touch={w.touch} />
            </CardBody>
          </Card>
        </div>

        <div hidden={w.current !== 3}>
          <Card>
            <CardHeader title="Environment and tags" />
            <CardBody className="space-y-6">
              <EnvEditor vars={values.environment} onChange={(environment) => set({ environment })} errorFor={err} onTouch={w.touch} />
              <TagsEditor tags={values.tags} onChange={(tags) => set({ tags })} errorFor={err} onTouch={w.touch} />
            </CardBody>
          </Card>
        </div>

        {onReview && review && (
          <PlanReview review={review} note={
            <p className="text-xs text-ink-muted">
              Cost: you pay for the Fargate tasks (per vCPU and GB, per second, at least the minimum task count) and for the
              Application Load Balancer Express Mode creates (per hour and per LCU), plus CloudWatch logs. IAM roles are free.
            </p>
          } />
        )}
      </WizardFrame>
    </div>
  );
}
