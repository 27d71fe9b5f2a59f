"use client";

import { useState } from "react";
import { ImagePicker } from "@/components/ecr/image-picker/image-picker";
import { EnvEditor, type EnvVar } from "@/components/wizard/env-editor";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { Field, fieldAria } from "@/components/ui/field";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { usePlanSubmit } from "@/components/wizard/use-plan-submit";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { bundleOfReview } from "@/components/beanstalk/operations/bundle-of-review";
import { looksLikeZip, uploadZipFile } from "@/components/beanstalk/operations/zip-file";
import { BUNDLE_LIMITS } from "@/lib/beanstalk/bundles/parse";
import { createEnvironmentAction, previewCreateEnvironmentAction } from "@/lib/beanstalk/create-environment/actions";
import { createEnvironmentSchema, DEPLOYMENT_POLICIES, EB_DEFAULTS, INSTANCE_TYPES, SCALING_METRICS, SINGLE_INSTANCE_POLICIES, STANDARD_ROLES } from "@/lib/beanstalk/create-environment/schema";
import { DnsCheck } from "./dns-check";

const STEPS: WizardStep[] = [
  { id: "application", label: "Application", fields: ["applicationMode", "applicationName", "solutionStack"] },
  { id: "source", label: "Source", fields: ["sourceType", "image", "containerPort", "bundleFormat", "bundleText", "bundleZip", "versionLabel"] },
  { id: "environment", label: "Environment", fields: ["environmentName", "cnamePrefix", "environmentType", "instanceType", "minSize", "maxSize", "scalingMetric", "upperThreshold", "lowerThreshold"] },
  { id: "deployments", label: "Deployments and roles", fields: ["deploymentPolicy", "batchSizeType", "batchSize", "trafficPercent", "evaluationMinutes", "serviceRoleMode", "serviceRole", "instanceProfileMode", "instanceProfile", "environment"] },
];

const POLICY_LABELS: Record<(typeof DEPLOYMENT_POLICIES)[number], string> = {
  AllAtOnce: "All at once",
  Rolling: "Rolling",
  RollingWithAdditionalBatch: "Rolling with additional batch",
  Immutable: "Immutable",
  TrafficSplitting: "Traffic splitting",
};

type Props = {
  context: { connectionId: string; region: string };
  applications: string[];
  initialApplication?: string;
  stacks: string[];
  defaultStack?: string;
  serviceRoles: string[];
  instanceProfiles: string[];
  standardRolesExist: { service: boolean; instance: boolean };
  suggestedLabel: string;
};

/** A Docker web server environment on Elastic Beanstalk, created as one reviewed plan. */
export function CreateEnvironmentWizard(props: Props) {
  const { context } = props;
  const [values, setValues] = useState(() => ({
    ...context,
    applicationMode: props.initialApplication || props.applications.length ? "existing" : "create",
    applicationName: props.initialApplication ?? props.applications[0] ?? "",
    solutionStack: props.defaultStack ?? "",
    sourceType: "image",
    image: "",
    containerPort: String(EB_DEFAULTS.containerPort),
    bundleFormat: "dockerrun",
    bundleText: "",
    bundleZip: "",
    bundleZipName: "",
    versionLabel: props.suggestedLabel,
    environmentName: "",
    cnamePrefix: "",
    environmentType: "LoadBalanced",
    instanceType: EB_DEFAULTS.instanceType,
    minSize: String(EB_DEFAULTS.minSize),
    maxSize: String(EB_DEFAULTS.maxSize),
    scalingMetric: EB_DEFAULTS.scalingMetric as string,
    upperThreshold: String(EB_DEFAULTS.upperThreshold),
    lowerThreshold: String(EB_DEFAULTS.lowerThreshold),
    deploymentPolicy: "Rolling",
    batchSizeType: "Percentage",
    batchSize: String(EB_DEFAULTS.batchPercent),
    trafficPercent: String(EB_DEFAULTS.trafficPercent),
    evaluationMinutes: String(EB_DEFAULTS.evaluationMinutes),
    enhancedHealth: "true",
    serviceRoleMode: props.standardRolesExist.service ? "existing" : "create",
    serviceRole: props.standardRolesExist.service ? STANDARD_ROLES.service : "",
    instanceProfileMode: props.standardRolesExist.instance ? "existing" : "create",
    instanceProfile: props.standardRolesExist.instance ? STANDARD_ROLES.instance : "",
    environment: [] as EnvVar[],
  }));
  type Values = typeof values;
  const [checking, setChecking] = useState("");
  const w = useWizard(createEnvironmentSchema, STEPS, values);
  const { review, setReview, message, onReview, action } = usePlanSubmit(w, STEPS.length, previewCreateEnvironmentAction, createEnvironmentAction);
  const set = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setReview(null);
  };
  const err = (k: string) => w.errorFor(k);
  type Key = Exclude<keyof Values, "environment" | "connectionId" | "region">;
  const field = (k: Key, id: string = k) => ({
    id,
    name: k,
    value: values[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => set({ [k]: e.target.value } as Partial<Values>),
    onBlur: () => w.touch(k),
    ...fieldAria(id, err(k)),
  });
  const radio = (k: Key, value: string, label: string, extra: Partial<Values> = {}) => (
    <label className="flex items-center gap-2 text-sm">
      <input type="radio" name={k} value={value} checked={values[k] === value} onChange={() => set({ [k]: value, ...extra } as Partial<Values>)} />
      {label}
    </label>
  );
  const single = values.environmentType === "SingleInstance";
  const rolling = values.deploymentPolicy === "Rolling" || values.deploymentPolicy === "RollingWithAdditionalBatch";
  const bundle = review && bundleOfReview(review);
  const metric = SCALING_METRICS[values.scalingMetric as keyof typeof SCALING_METRICS];

  async function readBundle(file: File | undefined) {
    if (!file) return;
    if (file.size > BUNDLE_LIMITS.bytes) return set({ bundleText: "" }), w.applyServerErrors({ bundleText: [`${file.name} is ${Math.ceil(file.size / 1024)} KB: bundles uploaded here are at most ${BUNDLE_LIMITS.bytes / 1024} KB.`] });
    set({ bundleText: await file.text(), bundleZip: "", bundleZipName: "" });
    w.touch("bundleText");
  }

  // A zip goes to the upload route as it is chosen (checked there, before any AWS call); the form carries its id.
  async function readFile(file: File | undefined) {
    if (!file) return;
    if (!(await looksLikeZip(file))) return readBundle(file);
    set({ bundleZip: "", bundleZipName: "", bundleText: "" });
    setChecking(file.name);
    const zip = await uploadZipFile(file);
    setChecking("");
    if ("error" in zip) return w.applyServerErrors({ bundleZip: [zip.error] });
    set({ bundleZip: zip.id, bundleZipName: zip.label });
    w.touch("bundleZip");
  }

  return (
    <WizardFrame steps={STEPS} current={w.current} action={action} onBack={w.back} message={message} busy={checking ? `Waiting for ${checking} to upload.` : undefined}
      submitLabel={onReview ? "Create environment" : w.current === STEPS.length - 1 ? "Review" : "Next"}>
      <input type="hidden" name="connectionId" value={values.connectionId} />
      <input type="hidden" name="region" value={values.region} />
      <input type="hidden" name="enhancedHealth" value={values.enhancedHealth} />

      <div hidden={w.current !== 0}>
        <Card>
          <CardHeader title="Application and platform" description={`An application holds versions and environments · ${context.region}.`} />
          <CardBody className="space-y-4">
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">Application</legend>
              {radio("applicationMode", "existing", "An existing application", { applicationName: props.applications[0] ?? "" })}
              {radio("applicationMode", "create", "Create an application (CreateApplication)", { applicationName: "" })}
            </fieldset>
            {values.applicationMode === "existing" ? (
              <Field label="Application name" htmlFor="applicationName" required error={err("applicationName")}>
                <Select {...field("applicationName")}>
                  {props.applications.length === 0 && <option value="">No applications yet: create one</option>}
                  {props.applications.map((a) => <option key={a} value={a}>{a}</option>)}
                </Select>
              </Field>
            ) : (
              <Field label="Application name" htmlFor="applicationName" required error={err("applicationName")} hint="Up to 100 characters, no slashes.">
                <Input {...field("applicationName")} autoComplete="off" spellCheck={false} placeholder="shop" />
              </Field>
            )}
            <Field label="Platform" htmlFor="solutionStack" required error={err("solutionStack")} hint="Docker platforms from ListAvailableSolutionStacks, newest first; the newest on Amazon Linux 2023 is the default.">
              <Select {...field("solutionStack")}>
                {props.stacks.length === 0 && <option value="">No Docker platforms in this region</option>}
                {props.stacks.map((s) => <option key={s} value={s}>{s}</option>)}
              </Select>
            </Field>
          </CardBody>
        </Card>
      </div>

      <div hidden={w.current !== 1}>
        <Card>
          <CardHeader title="Source" description="The first version: Portside writes its bundle from your image, or uploads yours, to the account's Elastic Beanstalk bucket." />
          <CardBody className="space-y-4">
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">Source</legend>
              {radio("sourceType", "image", "An image (Portside writes the bundle)")}
              {radio("sourceType", "bundle", "Upload a bundle file (Dockerrun.aws.json, docker-compose.yml, or a zip holding one)")}
            </fieldset>
            <input type="hidden" name="bundleZip" value={values.sourceType === "bundle" ? values.bundleZip : ""} />
            {values.sourceType === "image" ? (
              <>
                <Field label="Image" htmlFor="image" required error={err("image")} hint="ECR, ECR Public or Docker Hub. The instance profile pulls ECR images (AWSElasticBeanstalkMulticontainerDocker).">
                  <Input {...field("image")} autoComplete="off" spellCheck={false} className="font-mono" placeholder="nginx:1.27" />
                </Field>
                <ImagePicker connectionId={context.connectionId} region={context.region} onPick={(uri) => set({ image: uri })} />
                <div className="grid gap-4 md:grid-cols-2">
                  <Field label="Container port" htmlFor="containerPort" error={err("containerPort")} hint="The platform's nginx proxies port 80 to it.">
                    <Input type="number" min={1} max={65535} {...field("containerPort")} />
                  </Field>
                  <Field label="Bundle format" htmlFor="bundleFormat" error={err("bundleFormat")}>
                    <Select {...field("bundleFormat")}>
                      <option value="dockerrun">Dockerrun.aws.json (v1, single container)</option>
                      <option value="compose">docker-compose.yml</option>
                    </Select>
                  </Field>
                </div>
              </>
            ) : (
              <>
                <Field label="Bundle file" htmlFor="bundleFile" error={err("bundleZip")} hint={`A Dockerrun.aws.json (v1) or a docker-compose.yml (at most ${BUNDLE_LIMITS.bytes / 1024} KB), or a zip with one of them at its root (at most ${BUNDLE_LIMITS.zipBytes / 1024 / 1024} MB).`}>
                  <input id="bundleFile" type="file" accept=".json,.yml,.yaml,.zip,application/json,application/yaml,application/zip" className="text-sm" onChange={(e) => void readFile(e.target.files?.[0])} {...fieldAria("bundleFile", err("bundleZip"))} />
                </Field>
                {checking ? (
                  <p className="text-sm" role="status" data-testid="bundle-zip-checking">Uploading and checking {checking}…</p>
                ) : values.bundleZip ? (
                  <p className="text-sm" role="status" data-testid="bundle-zip">Checked {values.bundleZipName}. It goes to the account&apos;s Elastic Beanstalk bucket when you confirm the review.</p>
                ) : (
                  <Field label="Bundle contents" htmlFor="bundleText" required error={err("bundleText")} hint="Read from the file; you may edit it here.">
                    <Textarea {...field("bundleText")} rows={8} className="font-mono text-xs" spellCheck={false} />
                  </Field>
                )}
              </>
            )}
            <Field label="Version label" htmlFor="versionLabel" required error={err("versionLabel")} hint="Names this version in the application. Up to 100 letters, digits, . _ and -.">
              <Input {...field("versionLabel")} autoComplete="off" spellCheck={false} className="font-mono" />
            </Field>
          </CardBody>
        </Card>
      </div>

      <div hidden={w.current !== 2}>
        <Card>
          <CardHeader title="Environment" description="A web server environment: instances behind an Application Load Balancer, or one instance." />
          <CardBody className="space-y-4">
            <div className="grid gap-4 md:grid-cols-2">
              <Field label="Environment name" htmlFor="environmentName" required error={err("environmentName")} hint="4 to 40 letters, digits and hyphens; not starting or ending with a hyphen.">
                <Input {...field("environmentName")} autoComplete="off" spellCheck={false} placeholder="shop-prod"
                  onChange={(e) => set({ environmentName: e.target.value, ...(values.cnamePrefix === values.environmentName ? { cnamePrefix: e.target.value } : {}) })} />
              </Field>
              <Field label="Domain prefix" htmlFor="cnamePrefix" required error={err("cnamePrefix")} hint={<DnsCheck connectionId={context.connectionId} region={context.region} prefix={values.cnamePrefix} valid={!w.errorFor("cnamePrefix") && values.cnamePrefix.length >= 4} />}>
                <Input {...field("cnamePrefix")} autoComplete="off" spellCheck={false} />
              </Field>
            </div>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">Environment type</legend>
              {radio("environmentType", "LoadBalanced", "Load balanced (Application Load Balancer, Auto Scaling)", { deploymentPolicy: "Rolling" })}
              {radio("environmentType", "SingleInstance", "Single instance (no load balancer)", { deploymentPolicy: "AllAtOnce" })}
            </fieldset>
            <Field label="Instance type" htmlFor="instanceType" error={err("instanceType")}>
              <Select {...field("instanceType")}>{INSTANCE_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}</Select>
            </Field>
            {!single && (
              <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-5">
                <Field label="Minimum instances" htmlFor="minSize" error={err("minSize")}><Input type="number" min={1} {...field("minSize")} /></Field>
                <Field label="Maximum instances" htmlFor="maxSize" error={err("maxSize")}><Input type="number" min={1} {...field("maxSize")} /></Field>
                <Field label="Scaling metric" htmlFor="scalingMetric" error={err("scalingMetric")}>
                  <Select {...field("scalingMetric")}>{Object.entries(SCALING_METRICS).map(([k, m]) => <option key={k} value={k}>{m.label}</option>)}</Select>
                </Field>
                <Field label="Upper threshold" htmlFor="upperThreshold" error={err("upperThreshold")} hint={`${metric?.unit ?? ""}, average: add an instance above.`}><Input type="number" min={0} {...field("upperThreshold")} /></Field>
                <Field label="Lower threshold" htmlFor="lowerThreshold" error={err("lowerThreshold")} hint={`${metric?.unit ?? ""}, average: remove one below.`}><Input type="number" min={0} {...field("lowerThreshold")} /></Field>
              </div>
            )}
          </CardBody>
        </Card>
      </div>

      <div hidden={w.current !== 3}>
        <Card>
          <CardHeader title="Deployments, health and roles" />
          <CardBody className="space-y-4">
            <div className="grid gap-4 md:grid-cols-3">
              <Field label="Deployment policy" htmlFor="deploymentPolicy" error={err("deploymentPolicy")} hint={single ? "A single instance deploys all at once or immutably." : undefined}>
                <Select {...field("deploymentPolicy")}>
                  {DEPLOYMENT_POLICIES.map((p) => <option key={p} value={p}>{POLICY_LABELS[p]}{single && !SINGLE_INSTANCE_POLICIES.includes(p) ? " (load balanced only)" : ""}</option>)}
                </Select>
              </Field>
              {rolling && (
                <>
                  <Field label="Batch size type" htmlFor="batchSizeType" error={err("batchSizeType")}>
                    <Select {...field("batchSizeType")}><option value="Percentage">Percentage</option><option value="Fixed">Fixed</option></Select>
                  </Field>
                  <Field label="Batch size" htmlFor="batchSize" error={err("batchSize")} hint={values.batchSizeType === "Percentage" ? "% of the instances per batch." : "Instances per batch."}>
                    <Input type="number" min={1} {...field("batchSize")} />
                  </Field>
                </>
              )}
              {values.deploymentPolicy === "TrafficSplitting" && (
                <>
                  <Field label="Traffic to the new version (%)" htmlFor="trafficPercent" error={err("trafficPercent")}><Input type="number" min={1} max={100} {...field("trafficPercent")} /></Field>
                  <Field label="Evaluation time (minutes)" htmlFor="evaluationMinutes" error={err("evaluationMinutes")}><Input type="number" min={1} {...field("evaluationMinutes")} /></Field>
                </>
              )}
            </div>
            <Checkbox id="enhancedHealthBox" label="Enhanced health reporting" description="Per-instance health, causes and deployment versions on the environment page (needs the service role's AWSElasticBeanstalkEnhancedHealth)."
              checked={values.enhancedHealth === "true"} onChange={(e) => set({ enhancedHealth: String(e.target.checked) })} />
            <div className="grid gap-4 md:grid-cols-2">
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium">Service role</legend>
                {radio("serviceRoleMode", "create", `Create ${STANDARD_ROLES.service}`)}
                {radio("serviceRoleMode", "existing", "Use an existing role", { serviceRole: props.serviceRoles[0] ?? "" })}
                {err("serviceRoleMode") && <p role="alert" className="text-xs text-red-700">{err("serviceRoleMode")![0]}</p>}
                {values.serviceRoleMode === "existing" && (
                  <Field label="Existing service role" htmlFor="serviceRole" error={err("serviceRole")}>
                    <Select {...field("serviceRole")}>
                      <option value="">Pick a role Elastic Beanstalk may assume</option>
                      {props.serviceRoles.map((r) => <option key={r} value={r}>{r}</option>)}
                    </Select>
                  </Field>
                )}
              </fieldset>
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium">EC2 instance profile</legend>
                {radio("instanceProfileMode", "create", `Create ${STANDARD_ROLES.instance}`)}
                {radio("instanceProfileMode", "existing", "Use an existing instance profile", { instanceProfile: props.instanceProfiles[0] ?? "" })}
                {err("instanceProfileMode") && <p role="alert" className="text-xs text-red-700">{err("instanceProfileMode")![0]}</p>}
                {values.instanceProfileMode === "existing" && (
                  <Field label="Existing instance profile" htmlFor="instanceProfile" error={err("instanceProfile")}>
                    <Select {...field("instanceProfile")}>
                      <option value="">Pick an instance profile</option>
                      {props.instanceProfiles.map((r) => <option key={r} value={r}>{r}</option>)}
                    </Select>
                  </Field>
                )}
              </fieldset>
            </div>
            <div>
              <p className="mb-1 text-sm font-medium">Environment properties</p>
              <p className="mb-2 text-xs text-ink-muted">Passed to the container; at most 4 KB in all.</p>
              <EnvEditor vars={values.environment} onChange={(environment) => set({ environment })} errorFor={err} onTouch={w.touch} />
              {err("environment") && <p role="alert" id="environment-error" className="mt-1 text-xs text-red-700">{err("environment")![0]}</p>}
            </div>
          </CardBody>
        </Card>
      </div>

      {onReview && review && (
        <PlanReview review={review} note={
          <div className="space-y-2">
            <p className="text-xs text-ink-muted">Elastic Beanstalk itself is free; the instances, load balancer, S3 storage and data transfer it creates bill as usual.</p>
            {bundle && (
              <div>
                <p className="mb-1 text-xs font-medium text-ink-muted">The bundle uploaded to {bundle.key}</p>
                <CodeBlock wrap code={bundle.body} aria-label="Bundle to upload" />
              </div>
            )}
          </div>
        } />
      )}
    </WizardFrame>
  );
}
