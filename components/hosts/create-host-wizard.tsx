"use client";

import { useState } from "react";
import { ImagePicker } from "@/components/ecr/image-picker/image-picker";
import type { NetworkOption } from "@/components/ecs/tasks/network-fields";
import { EnvEditor, type EnvVar } from "@/components/wizard/env-editor";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { Field, fieldAria } from "@/components/ui/field";
import { Checkbox, Input, Select } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { usePlanSubmit } from "@/components/wizard/use-plan-submit";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { createHostAction, previewCreateHostAction } from "@/lib/hosts/actions";
import { AL2023_PARAMETERS, DEFAULT_INSTANCE_TYPE, INSTANCE_TYPES, type Architecture } from "@/lib/hosts/instance-types";
import { hostNames } from "@/lib/hosts/names";
import { createHostSchema, RESTART_POLICIES } from "@/lib/hosts/schema";
import type { PlanReview as Review } from "@/lib/core/plans/review-types";

const STEPS: WizardStep[] = [
  { id: "instance", label: "Instance", fields: ["hostName", "architecture", "instanceType", "keyName", "volumeSize"] },
  { id: "network", label: "Network", fields: ["vpcId", "subnetId", "publicIp", "securityGroupMode", "securityGroupId", "sourceCidr"] },
  { id: "container", label: "Container", fields: ["image", "hostPort", "containerPort", "restartPolicy", "environment"] },
];

const RESTART_LABELS: Record<(typeof RESTART_POLICIES)[number], string> = {
  "unless-stopped": "Unless stopped (restart after crashes and reboots)",
  always: "Always",
  "on-failure": "On failure (non-zero exit)",
  no: "No (never restart)",
};

type Props = {
  context: { connectionId: string; region: string };
  networks: NetworkOption[];
  keyPairs: string[];
};

/** The user data the reviewed RunInstances request carries, decoded for reading. */
function userDataOf(review: Review): string | null {
  const run = review.plan.steps.find((s) => s.operation === "RunInstances");
  const encoded = run?.input.UserData;
  if (typeof encoded !== "string") return null;
  return new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)));
}

/** One EC2 instance running one Docker container, launched as a reviewed plan. */
export function CreateHostWizard({ context, networks, keyPairs }: Props) {
  const [values, setValues] = useState(() => ({
    ...context,
    hostName: "",
    architecture: "x86_64" as Architecture,
    instanceType: DEFAULT_INSTANCE_TYPE.x86_64,
    keyName: "",
    volumeSize: "8",
    vpcId: networks[0]?.id ?? "",
    subnetId: networks[0]?.subnets[0]?.id ?? "",
    publicIp: "true",
    securityGroupMode: "create",
    securityGroupId: "",
    sourceCidr: "0.0.0.0/0",
    image: "",
    hostPort: "80",
    containerPort: "80",
    restartPolicy: "unless-stopped",
    environment: [] as EnvVar[],
  }));
  type Values = typeof values;
  const w = useWizard(createHostSchema, STEPS, values);
  const { review, setReview, message, onReview, action } = usePlanSubmit(w, STEPS.length, previewCreateHostAction, createHostAction);
  const set = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setReview(null);
  };
  const err = (k: string) => w.errorFor(k);
  const field = <K extends "hostName" | "instanceType" | "keyName" | "volumeSize" | "subnetId" | "securityGroupId" | "sourceCidr" | "image" | "hostPort" | "containerPort" | "restartPolicy">(k: K) => ({
    id: k,
    name: k,
    value: values[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set({ [k]: e.target.value } as Partial<Values>),
    onBlur: () => w.touch(k),
    ...fieldAria(k, err(k)),
  });
  const network = networks.find((n) => n.id === values.vpcId);
  const names = hostNames(values.hostName || "<name>");
  const userData = review && userDataOf(review);

  return (
    <WizardFrame steps={STEPS} current={w.current} action={action} onBack={w.back} message={message}
      submitLabel={onReview ? "Launch host" : w.current === STEPS.length - 1 ? "Review" : "Next"}>
      <input type="hidden" name="connectionId" value={values.connectionId} />
      <input type="hidden" name="region" value={values.region} />
      <input type="hidden" name="publicIp" value={values.publicIp} />

      <div hidden={w.current !== 0}>
        <Card>
          <CardHeader title="Instance" description={`Amazon Linux 2023, the AMI AWS's public SSM parameter names at review · ${context.region}.`} />
          <CardBody className="space-y-4">
            <Field label="Host name" htmlFor="hostName" required error={err("hostName")} hint="The instance's Name tag and the container's name. Up to 40 letters, digits, . _ and -.">
              <Input {...field("hostName")} autoFocus autoComplete="off" spellCheck={false} placeholder="web-1" />
            </Field>
            <div className="grid gap-4 md:grid-cols-3">
              <Field label="Architecture" htmlFor="architecture" error={err("architecture")} hint={AL2023_PARAMETERS[values.architecture]}>
                <Select id="architecture" name="architecture" value={values.architecture}
                  onChange={(e) => {
                    const arch = e.target.value as Architecture;
                    set({ architecture: arch, instanceType: DEFAULT_INSTANCE_TYPE[arch] });
                  }}>
                  <option value="x86_64">64-bit (x86)</option>
                  <option value="arm64">64-bit (Arm, Graviton)</option>
                </Select>
              </Field>
              <Field label="Instance type" htmlFor="instanceType" error={err("instanceType")}>
                <Select {...field("instanceType")}>
                  {INSTANCE_TYPES.filter((t) => t.architecture === values.architecture).map((t) => (
                    <option key={t.type} value={t.type}>{t.type} · {t.vcpus} vCPU · {t.memoryMiB / 1024} GiB</option>
                  ))}
                </Select>
              </Field>
              <Field label="Root volume (GiB)" htmlFor="volumeSize" error={err("volumeSize")} hint="gp3, encrypted, deleted with the instance. 8 GiB is the AMI's size.">
                <Input type="number" min={8} max={16384} {...field("volumeSize")} />
              </Field>
            </div>
            <Field label="Key pair" htmlFor="keyName" error={err("keyName")}
              hint={`Without one, reach the host through SSM Session Manager: the instance profile ${names.instanceProfile} gets AmazonSSMManagedInstanceCore either way.`}>
              <Select {...field("keyName")}>
                <option value="">None: Session Manager only</option>
                {keyPairs.map((k) => <option key={k} value={k}>{k}</option>)}
              </Select>
            </Field>
          </CardBody>
        </Card>
      </div>

      <div hidden={w.current !== 1}>
        <Card>
          <CardHeader title="Network" description="Where the instance runs, and who may reach the container's port." />
          <CardBody className="space-y-4">
            <div className="grid gap-4 md:grid-cols-2">
              <Field label="VPC" htmlFor="vpcId" error={err("vpcId")}>
                <Select id="vpcId" name="vpcId" value={values.vpcId} onChange={(e) => {
                  const next = networks.find((n) => n.id === e.target.value);
                  set({ vpcId: e.target.value, subnetId: next?.subnets[0]?.id ?? "", securityGroupId: "" });
                }}>
                  {networks.length === 0 && <option value="">No VPCs in this region</option>}
                  {networks.map((n) => <option key={n.id} value={n.id}>{n.label}</option>)}
                </Select>
              </Field>
              <Field label="Subnet" htmlFor="subnetId" error={err("subnetId")}>
                <Select {...field("subnetId")}>
                  {!network?.subnets.length && <option value="">No subnets in this VPC</option>}
                  {network?.subnets.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
                </Select>
              </Field>
            </div>
            <Checkbox id="publicIpBox" label="Auto-assign a public IP" description="Needed to reach the container from the internet in a public subnet."
              checked={values.publicIp === "true"} onChange={(e) => set({ publicIp: String(e.target.checked) })} />
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">Security group</legend>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="securityGroupMode" value="create" checked={values.securityGroupMode === "create"} onChange={() => set({ securityGroupMode: "create" })} />
                Create {names.securityGroup} with the container&apos;s port open
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="securityGroupMode" value="existing" checked={values.securityGroupMode === "existing"} onChange={() => set({ securityGroupMode: "existing" })} />
                Use an existing security group
              </label>
              {err("securityGroupMode") && <p role="alert" className="text-xs text-red-700">{err("securityGroupMode")![0]}</p>}
            </fieldset>
            {values.securityGroupMode === "create" ? (
              <Field label="Source CIDR" htmlFor="sourceCidr" error={err("sourceCidr")} hint="Who may reach the host port: 0.0.0.0/0 is anyone; narrow it to your office or load balancer.">
                <Input {...field("sourceCidr")} autoComplete="off" spellCheck={false} className="font-mono" />
              </Field>
            ) : (
              <Field label="Existing security group" htmlFor="securityGroupId" error={err("securityGroupId")} hint="It must already allow the host port.">
                <Select {...field("securityGroupId")}>
                  <option value="">Pick a security group</option>
                  {network?.securityGroups.map((g) => <option key={g.id} value={g.id}>{g.label}</option>)}
                </Select>
              </Field>
            )}
            {values.securityGroupMode === "create" && <input type="hidden" name="securityGroupId" value="" />}
          </CardBody>
        </Card>
      </div>

      <div hidden={w.current !== 2}>
        <Card>
          <CardHeader title="Container" description={`Docker runs it at first boot, logging to ${names.logGroup} with the awslogs driver.`} />
          <CardBody className="space-y-4">
            <Field label="Image" htmlFor="image" required error={err("image")} hint="ECR, ECR Public or Docker Hub. ECR pulls use the instance profile (AmazonEC2ContainerRegistryReadOnly).">
              <Input {...field("image")} autoComplete="off" spellCheck={false} className="font-mono" placeholder="nginx:1.27" />
            </Field>
            <ImagePicker connectionId={context.connectionId} region={context.region} onPick={(uri) => set({ image: uri })} />
            <div className="grid gap-4 md:grid-cols-3">
              <Field label="Host port" htmlFor="hostPort" error={err("hostPort")} hint="Opened in the security group.">
                <Input type="number" min={1} max={65535} {...field("hostPort")} />
              </Field>
              <Field label="Container port" htmlFor="containerPort" error={err("containerPort")}>
                <Input type="number" min={1} max={65535} {...field("containerPort")} />
              </Field>
              <Field label="Restart policy" htmlFor="restartPolicy" error={err("restartPolicy")}>
                <Select {...field("restartPolicy")}>
                  {RESTART_POLICIES.map((p) => <option key={p} value={p}>{RESTART_LABELS[p]}</option>)}
                </Select>
              </Field>
            </div>
            <EnvEditor vars={values.environment} onChange={(environment) => set({ environment })} errorFor={err} onTouch={w.touch} />
          </CardBody>
        </Card>
      </div>

      {onReview && review && (
        <PlanReview review={review} note={
          <div className="space-y-2">
            <p className="text-xs text-ink-muted">The instance bills by the second while it runs (EC2 On-Demand), the volume by the GiB-month; CloudWatch Logs by the GB ingested.</p>
            {userData && (
              <div>
                <p className="mb-1 text-xs font-medium text-ink-muted">User data (runs once, at first boot)</p>
                <CodeBlock wrap code={userData} aria-label="User data" />
              </div>
            )}
          </div>
        } />
      )}
    </WizardFrame>
  );
}
