"use client";

import { useState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, RadioCards, Select } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { usePlanSubmit } from "@/components/wizard/use-plan-submit";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { createNodegroupAction, previewNodegroupPlanAction } from "@/lib/eks/compute/actions";
import { AMI_TYPES, createNodegroupSchema, NODE_ROLE } from "@/lib/eks/nodegroups/schema";
import { PairsEditor, type Pair } from "./pairs-editor";
import { RoleChoice, type RoleOption } from "./role-choice";
import { SubnetPicker, type SubnetOption } from "./subnet-picker";

const STEPS: WizardStep[] = [
  { id: "nodegroup", label: "Node group", fields: ["nodegroupName", "nodeRoleMode", "nodeRoleArn", "labels", "taints"] },
  { id: "compute", label: "Compute and scaling", fields: ["amiType", "capacityType", "instanceTypes", "diskSize", "minSize", "maxSize", "desiredSize", "maxUnavailableType", "maxUnavailable"] },
  { id: "networking", label: "Networking", fields: ["subnets"] },
];

export type NodegroupWizardProps = {
  target: { connectionId: string; region: string; clusterName: string; version: string };
  roles: RoleOption[];
  subnets: SubnetOption[];
};

export function NodegroupWizard({ target, roles, subnets }: NodegroupWizardProps) {
  const standard = roles.find((r) => r.name === NODE_ROLE.name);
  const [values, setValues] = useState({
    connectionId: target.connectionId,
    region: target.region,
    clusterName: target.clusterName,
    nodegroupName: "",
    nodeRoleMode: standard ? "existing" : "create",
    nodeRoleArn: standard?.arn ?? "",
    amiType: "AL2023_x86_64_STANDARD",
    capacityType: "ON_DEMAND",
    instanceTypes: "t3.medium",
    diskSize: "20",
    minSize: "2",
    maxSize: "2",
    desiredSize: "2",
    maxUnavailableType: "number",
    maxUnavailable: "1",
    labels: [] as Pair[],
    taints: [] as Pair[],
    subnets: subnets.filter((s) => !s.public).map((s) => s.id).concat(subnets.every((s) => s.public) ? subnets.map((s) => s.id) : []),
  });
  type Values = typeof values;
  const w = useWizard(createNodegroupSchema, STEPS, values);
  const { review, setReview, message, onReview, action } = usePlanSubmit(w, STEPS.length, previewNodegroupPlanAction, createNodegroupAction);
  const set = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setReview(null);
  };


  const err = (k: string) => w.errorFor(k);
  type TextKey = "nodegroupName" | "amiType" | "capacityType" | "instanceTypes" | "diskSize" | "minSize" | "maxSize" | "desiredSize" | "maxUnavailable";
  const field = (k: TextKey, hint?: boolean) => ({
    id: k,
    name: k,
    value: values[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set({ [k]: e.target.value }),
    onBlur: () => w.touch(k),
    ...fieldAria(k, err(k), hint),
  });
  const spot = values.capacityType === "SPOT";

  return (
    <WizardFrame steps={STEPS} current={w.current} action={action} onBack={w.back} message={message}
      submitLabel={onReview ? "Create node group" : w.current === STEPS.length - 1 ? "Review" : "Next"}>
      <input type="hidden" name="connectionId" value={values.connectionId} />
      <input type="hidden" name="region" value={values.region} />
      <input type="hidden" name="clusterName" value={values.clusterName} />

      <div hidden={w.current !== 0}>
        <Card>
          <CardHeader title="Node group configuration" description={`EC2 instances that EKS launches, updates and terminates for cluster ${target.clusterName} (Kubernetes ${target.version}).`} />
          <CardBody className="space-y-5">
            <Field label="Name" htmlFor="nodegroupName" required error={err("nodegroupName")} hint="1–63 letters, digits, hyphens and underscores, starting with a letter or digit. Unique in the cluster.">
              <Input {...field("nodegroupName", true)} autoFocus autoComplete="off" spellCheck={false} placeholder="general" />
            </Field>
            <RoleChoice prefix="nodeRole" title="Node IAM role" standardName={NODE_ROLE.name} trusts="ec2.amazonaws.com"
              policies={NODE_ROLE.policies.map((p) => p.split("/").pop()!)} roles={roles} mode={values.nodeRoleMode} arn={values.nodeRoleArn}
              onChange={(p) => set({ ...(p.mode ? { nodeRoleMode: p.mode } : {}), ...(p.arn !== undefined ? { nodeRoleArn: p.arn } : {}) })}
              errorFor={err} touch={w.touch} />
            <PairsEditor name="labels" noun="Label" legend="Kubernetes labels" hint="Applied to every node, for nodeSelector and affinity rules."
              pairs={values.labels} max={50} onChange={(labels) => set({ labels })} errorFor={err} onTouch={w.touch} />
            <PairsEditor name="taints" noun="Taint" legend="Kubernetes taints" hint="Keep pods off these nodes unless they tolerate the taint."
              pairs={values.taints} withEffect max={50} onChange={(taints) => set({ taints })} errorFor={err} onTouch={w.touch} />
          </CardBody>
        </Card>
      </div>

      <div hidden={w.current !== 1}>
        <Card>
          <CardHeader title="Compute and scaling" description="The instances EKS launches and how many; the node group's Auto Scaling group keeps the desired size between the minimum and maximum." />
          <CardBody className="space-y-5">
            <div className="grid gap-4 md:grid-cols-2">
              <Field label="AMI type" htmlFor="amiType" error={err("amiType")}>
                <Select {...field("amiType")}>
                  {AMI_TYPES.map((a) => <option key={a} value={a}>{a}</option>)}
                </Select>
              </Field>
              <Field label="Disk size (GiB)" htmlFor="diskSize" error={err("diskSize")} hint="Root EBS volume of each node, 1–16384 GiB.">
                <Input type="number" min={1} max={16384} {...field("diskSize", true)} />
              </Field>
            </div>
            <RadioCards name="capacityType" legend="Capacity type" value={values.capacityType} onValueChange={(v) => set({ capacityType: v })}
              options={[
                { value: "ON_DEMAND", label: "On-Demand", description: "Pay by the second, no interruptions." },
                { value: "SPOT", label: "Spot", description: "Spare capacity at up to 90% off; EC2 may reclaim nodes with two minutes' notice." },
              ]} />
            <Field label="Instance types" htmlFor="instanceTypes" error={err("instanceTypes") ?? err("instanceTypes.0")}
              hint={spot ? "Several types, comma separated, so Spot can draw from more capacity pools." : "One type, or several in order of preference."}>
              <Input {...field("instanceTypes", true)} autoComplete="off" spellCheck={false} className="font-mono" />
            </Field>
            <div className="grid gap-4 md:grid-cols-3">
              <Field label="Minimum size" htmlFor="minSize" error={err("minSize")}><Input type="number" min={0} {...field("minSize")} /></Field>
              <Field label="Maximum size" htmlFor="maxSize" error={err("maxSize")}><Input type="number" min={1} {...field("maxSize")} /></Field>
              <Field label="Desired size" htmlFor="desiredSize" error={err("desiredSize")}><Input type="number" min={0} {...field("desiredSize")} /></Field>
            </div>
            <div className="grid gap-4 md:grid-cols-2">
              <Field label="Maximum unavailable during updates" htmlFor="maxUnavailableType">
                <Select id="maxUnavailableType" name="maxUnavailableType" value={values.maxUnavailableType} onChange={(e) => set({ maxUnavailableType: e.target.value })}>
                  <option value="number">Number of nodes</option>
                  <option value="percentage">Percentage of nodes</option>
                </Select>
              </Field>
              <Field label={values.maxUnavailableType === "percentage" ? "Maximum unavailable (%)" : "Maximum unavailable (nodes)"} htmlFor="maxUnavailable" error={err("maxUnavailable")}
                hint={values.maxUnavailableType === "percentage" ? "1–100 % of the nodes are replaced at a time." : "1–100 nodes are replaced at a time."}>
                <Input type="number" min={1} max={100} {...field("maxUnavailable", true)} />
              </Field>
            </div>
          </CardBody>
        </Card>
      </div>

      <div hidden={w.current !== 2}>
        <Card>
          <CardHeader title="Networking" description="Subnets of the cluster's VPC where nodes are launched." />
          <CardBody>
            <SubnetPicker subnets={subnets} value={values.subnets} onChange={(ids) => set({ subnets: ids })} error={err("subnets")} onTouch={() => w.touch("subnets")}
              legend="Subnets" hint="At least one. Nodes in public subnets need public IPs to reach the cluster; private subnets need a NAT gateway." />
          </CardBody>
        </Card>
      </div>

      {onReview && review && (
        <PlanReview review={review} note={<p className="text-xs text-ink-muted">Cost: EKS bills the nodes as ordinary EC2 instances and EBS volumes ({values.instanceTypes}, {values.desiredSize} now); the node group itself is free.</p>} />
      )}
    </WizardFrame>
  );
}
