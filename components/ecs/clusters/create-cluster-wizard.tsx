"use client";

import { useState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, RadioCards, Select } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { PrefillNotice } from "@/components/wizard/prefill-notice";
import { TagsEditor } from "@/components/wizard/tags-editor";
import { Ec2CapacityFields, EC2_FIELDS, type Ec2Options, type Ec2Values } from "./ec2-capacity-fields";
import { usePlanSubmit } from "@/components/wizard/use-plan-submit";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { createClusterAction, previewClusterPlanAction } from "@/lib/ecs/clusters/actions";
import type { ClusterPrefill } from "@/lib/ecs/clusters/prefill";
import { presetOf, STRATEGY_PRESETS as PRESETS } from "@/lib/ecs/clusters/capacity-presets";
import { createClusterSchema } from "@/lib/ecs/clusters/schema";
import type { Tag } from "@/lib/core/validation/tags";

const STEPS: WizardStep[] = [
  { id: "cluster", label: "Cluster", fields: ["connectionId", "region", "clusterName"] },
  { id: "infrastructure", label: "Infrastructure", fields: ["infrastructure", "fargateWeight", "fargateBase", "spotWeight", "spotBase", ...EC2_FIELDS] },
  { id: "monitoring", label: "Monitoring and tags", fields: ["containerInsights", "tags"] },
];

type Connection = { id: string; name: string; regions: string[] };

const EC2_DEFAULTS: Ec2Values = {
  asgMode: "new", existingAsgArn: "", amiFamily: "al2023-x86_64", instanceType: "t3.medium", keyName: "",
  instanceRoleMode: "create", instanceProfile: "", minSize: "0", maxSize: "5", desiredCapacity: "1",
  vpcId: "", subnets: [], targetCapacity: "100", terminationProtection: "enabled", ec2Weight: "1", ec2Base: "0",
};

type Props = {
  connections: Connection[];
  defaults: { connectionId: string; region: string };
  ec2: Ec2Options;
  /** Duplicate: the values taken from an existing cluster, and what it says about them. */
  prefill?: { source: string; values: Partial<ClusterPrefill>; notes: string[]; dropped: string[] };
};

export function CreateClusterWizard({ connections, defaults, ec2, prefill }: Props) {
  const [values, setValues] = useState(() => ({
    ...defaults,
    clusterName: "",
    containerInsights: "disabled",
    infrastructure: "fargate",
    ...PRESETS.fargate,
    ...EC2_DEFAULTS,
    vpcId: ec2.networks[0]?.id ?? "",
    tags: [] as Tag[],
    ...prefill?.values,
  }));
  // Derived, not stored: the preset shown is always the one the weights below say.
  const preset = presetOf(values);
  const w = useWizard(createClusterSchema, STEPS, values);
  const { review, setReview, message, onReview, action } = usePlanSubmit(w, STEPS.length, previewClusterPlanAction, createClusterAction);
  const set = (patch: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setReview(null);
  };
  const regions = connections.find((c) => c.id === values.connectionId)?.regions ?? [];


  const err = (k: string) => w.errorFor(k);
  const field = (k: keyof typeof values) => ({
    id: k,
    name: k,
    value: String(values[k]),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set({ [k]: e.target.value } as Partial<typeof values>),
    onBlur: () => w.touch(k),
    ...fieldAria(k, err(k)),
  });

  return (
    <div className="space-y-4">
      {prefill && <PrefillNotice source={prefill.source} notes={prefill.notes} dropped={prefill.dropped} />}
      <WizardFrame
        steps={STEPS}
        current={w.current}
        action={action}
        onBack={w.back}
        message={message}
        submitLabel={onReview ? "Create cluster" : w.current === STEPS.length - 1 ? "Review" : "Next"}
      >
        <div hidden={w.current !== 0}>
          <Card>
            <CardHeader title="Cluster configuration" description="Where the cluster lives and what it is called." />
            <CardBody className="space-y-4">
              <div className="grid gap-4 md:grid-cols-2">
                <Field label="Connection" htmlFor="connectionId" error={err("connectionId")}>
                  <Select {...field("connectionId")} onChange={(e) => {
                    const conn = connections.find((c) => c.id === e.target.value);
                    set({ connectionId: e.target.value, region: conn?.regions[0] ?? "" });
                  }}>
                    {connections.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                  </Select>
                </Field>
                <Field label="Region" htmlFor="region" error={err("region")}>
                  <Select {...field("region")}>
                    {regions.map((r) => <option key={r} value={r}>{r}</option>)}
                  </Select>
                </Field>
              </div>
              <Field label="Cluster name" htmlFor="clusterName" required error={err("clusterName")}
                hint="Up to 255 letters, digits, hyphens and underscores. Unique in the region.">
                <Input {...field("clusterName")} autoFocus autoComplete="off" spellCheck={false} placeholder="web-production" />
              </Field>
            </CardBody>
          </Card>
        </div>

        <div hidden={w.current !== 1}>
          <Card>
            <CardHeader title="Infrastructure" description="AWS Fargate runs tasks without servers to manage. Amazon EC2 instances run them on servers in an Auto Scaling group that ECS scales for you." />
            <CardBody className="space-y-4">
              <RadioCards name="infrastructure" legend="Infrastructure" value={values.infrastructure} onValueChange={(v) => set({ infrastructure: v })}
                options={[
                  { value: "fargate", label: "Fargate only", description: "Serverless: pay per task." },
                  { value: "ec2", label: "EC2 instances only", description: "Your instances, managed by an Auto Scaling group." },
                  { value: "both", label: "Fargate and EC2", description: "Both, shared by the default strategy." },
                ]} />
              {values.infrastructure !== "ec2" && (
                <>
                  <RadioCards name="strategyPreset" legend="Default capacity provider strategy" value={preset}
                    onValueChange={(v) => set(PRESETS[v as keyof typeof PRESETS])}
                    options={[
                      { value: "fargate", label: "Fargate", description: "On-demand capacity for every task." },
                      { value: "spot", label: "Fargate Spot", description: "Interruption-tolerant work only; up to 70% off, two minutes' notice." },
                      { value: "mixed", label: "Mixed", description: "A base on Fargate, the rest mostly on Spot." },
                    ]} />
                  <div className="grid gap-4 md:grid-cols-4">
                    <Field label="FARGATE weight" htmlFor="fargateWeight" error={err("fargateWeight")}><Input type="number" min={0} max={1000} {...field("fargateWeight")} /></Field>
                    <Field label="FARGATE base" htmlFor="fargateBase" error={err("fargateBase")}><Input type="number" min={0} max={100000} {...field("fargateBase")} /></Field>
                    <Field label="FARGATE_SPOT weight" htmlFor="spotWeight" error={err("spotWeight")}><Input type="number" min={0} max={1000} {...field("spotWeight")} /></Field>
                    <Field label="FARGATE_SPOT base" htmlFor="spotBase" error={err("spotBase")}><Input type="number" min={0} max={100000} {...field("spotBase")} /></Field>
                  </div>
                </>
              )}
              {values.infrastructure !== "fargate" && (
                <Ec2CapacityFields values={values} options={ec2} set={set} err={err} touch={w.touch} />
              )}
              <p className="text-xs text-ink-muted">Base: tasks placed on that provider first. Weight: how the rest are shared.</p>
            </CardBody>
          </Card>
        </div>

        <div hidden={w.current !== 2}>
          <Card>
            <CardHeader title="Monitoring and tags" />
            <CardBody className="space-y-5">
              <Field label="Container Insights" htmlFor="containerInsights" error={err("containerInsights")}
                hint="CloudWatch metrics per cluster, service and task. Enhanced adds per-container detail; both are billed as custom metrics.">
                <Select {...field("containerInsights")}>
                  <option value="disabled">Off</option>
                  <option value="enabled">On</option>
                  <option value="enhanced">On, with enhanced observability</option>
                </Select>
              </Field>
              <TagsEditor tags={values.tags} onChange={(tags) => set({ tags })} errorFor={err} onTouch={w.touch} />
            </CardBody>
          </Card>
        </div>

        {onReview && review && (
          <PlanReview review={review} note={<p className="text-xs text-ink-muted">Cost: an ECS cluster itself is free; you pay for the Fargate tasks and EC2 instances that run in it.</p>} />
        )}
      </WizardFrame>
    </div>
  );
}
