"use client";

import { Field, fieldAria } from "@/components/ui/field";
import { Checkbox, Input, RadioCards, Select } from "@/components/ui/input";
import type { Ec2FormValues } from "@/lib/ecs/clusters/prefill";

export type Ec2Options = {
  networks: { id: string; label: string; subnets: { id: string; label: string }[] }[];
  keyPairs: string[];
  instanceProfiles: { name: string; roles: string[] }[];
  autoScalingGroups: { name: string; arn: string; label: string }[];
};

export type Ec2Values = Ec2FormValues;

export const EC2_FIELDS = [
  "asgMode", "existingAsgArn", "amiFamily", "instanceType", "keyName", "instanceRoleMode", "instanceProfile",
  "minSize", "maxSize", "desiredCapacity", "subnets", "targetCapacity", "terminationProtection", "ec2Weight", "ec2Base",
];

const INSTANCE_TYPES = {
  "al2023-x86_64": ["t3.small", "t3.medium", "t3.large", "m5.large", "m5.xlarge", "m6i.large", "c6i.large", "r6i.large"],
  "al2023-arm64": ["t4g.small", "t4g.medium", "t4g.large", "m6g.large", "m7g.large", "c7g.large", "r7g.large"],
} as Record<string, string[]>;

type Props = {
  values: Ec2Values;
  options: Ec2Options;
  set: (patch: Partial<Ec2Values>) => void;
  err: (k: string) => string[] | undefined;
  touch: (k: string) => void;
};

/** The EC2 half of the infrastructure step: a new Auto Scaling group from a launch template, or an existing group. */
export function Ec2CapacityFields({ values, options, set, err, touch }: Props) {
  const field = (k: keyof Ec2Values) => ({
    id: k,
    name: k,
    value: String(values[k]),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set({ [k]: e.target.value } as Partial<Ec2Values>),
    onBlur: () => touch(k),
    ...fieldAria(k, err(k)),
  });
  const network = options.networks.find((n) => n.id === values.vpcId) ?? options.networks[0];
  const toggleSubnet = (id: string, on: boolean) => {
    set({ subnets: on ? [...values.subnets, id] : values.subnets.filter((s) => s !== id) });
    touch("subnets");
  };

  return (
    <div className="space-y-4 rounded-md border border-line p-4">
      <RadioCards name="asgMode" legend="Auto Scaling group" value={values.asgMode} onValueChange={(v) => set({ asgMode: v })}
        options={[
          { value: "new", label: "Create a new group", description: "From a launch template with the ECS-optimized AMI." },
          { value: "existing", label: "Use an existing group", description: "Its instances must already join this cluster.", disabled: options.autoScalingGroups.length === 0 },
        ]} />
      {values.asgMode === "existing" ? (
        <Field label="Existing Auto Scaling group" htmlFor="existingAsgArn" error={err("existingAsgArn")}>
          <Select {...field("existingAsgArn")}>
            <option value="">Pick a group…</option>
            {options.autoScalingGroups.map((g) => <option key={g.arn} value={g.arn}>{g.label}</option>)}
          </Select>
        </Field>
      ) : (
        <>
          <div className="grid gap-4 md:grid-cols-3">
            <Field label="AMI" htmlFor="amiFamily" error={err("amiFamily")} hint="Amazon ECS-optimized Amazon Linux 2023, the recommended image (resolved at launch).">
              <Select {...field("amiFamily")} onChange={(e) => set({ amiFamily: e.target.value, instanceType: INSTANCE_TYPES[e.target.value]![1]! })}>
                <option value="al2023-x86_64">Amazon Linux 2023 (x86_64)</option>
                <option value="al2023-arm64">Amazon Linux 2023 (arm64)</option>
              </Select>
            </Field>
            <Field label="Instance type" htmlFor="instanceType" error={err("instanceType")}>
              <Input {...field("instanceType")} list="instance-types" autoComplete="off" spellCheck={false} />
              <datalist id="instance-types">{(INSTANCE_TYPES[values.amiFamily] ?? []).map((t) => <option key={t} value={t} />)}</datalist>
            </Field>
            <Field label="Key pair (optional)" htmlFor="keyName" error={err("keyName")}>
              <Select {...field("keyName")}>
                <option value="">None: no SSH access</option>
                {options.keyPairs.map((k) => <option key={k} value={k}>{k}</option>)}
              </Select>
            </Field>
          </div>
          <RadioCards name="instanceRoleMode" legend="Instance role" value={values.instanceRoleMode} onValueChange={(v) => set({ instanceRoleMode: v })}
            options={[
              { value: "create", label: "Create ecsInstanceRole", description: "With the AWS managed ECS instance policy, and its instance profile." },
              { value: "existing", label: "Use an instance profile", disabled: options.instanceProfiles.length === 0 },
            ]} />
          {err("instanceRoleMode") && <p id="instanceRoleMode-error" role="alert" className="text-xs font-medium text-red-700">{err("instanceRoleMode")![0]}</p>}
          {values.instanceRoleMode === "existing" && (
            <Field label="Instance profile" htmlFor="instanceProfile" error={err("instanceProfile")}>
              <Select {...field("instanceProfile")}>
                <option value="">Pick a profile…</option>
                {options.instanceProfiles.map((p) => <option key={p.name} value={p.name}>{p.name}{p.roles.length ? ` (${p.roles.join(", ")})` : ""}</option>)}
              </Select>
            </Field>
          )}
          <div className="grid gap-4 md:grid-cols-3">
            <Field label="Minimum instances" htmlFor="minSize" error={err("minSize")}><Input type="number" min={0} {...field("minSize")} /></Field>
            <Field label="Maximum instances" htmlFor="maxSize" error={err("maxSize")}><Input type="number" min={1} {...field("maxSize")} /></Field>
            <Field label="Desired instances" htmlFor="desiredCapacity" error={err("desiredCapacity")}><Input type="number" min={0} {...field("desiredCapacity")} /></Field>
          </div>
          <Field label="VPC" htmlFor="vpcId">
            <Select id="vpcId" value={network?.id ?? ""} onChange={(e) => set({ vpcId: e.target.value, subnets: [] })}>
              {options.networks.map((n) => <option key={n.id} value={n.id}>{n.label}</option>)}
            </Select>
          </Field>
          <fieldset aria-describedby={err("subnets") ? "subnets-error" : undefined}>
            <legend className="mb-1 text-[13px] font-medium text-ink">Subnets</legend>
            <div className="grid gap-1 md:grid-cols-2">
              {network?.subnets.map((s) => (
                <Checkbox key={s.id} label={s.label} checked={values.subnets.includes(s.id)} onChange={(e) => toggleSubnet(s.id, e.target.checked)} />
              ))}
            </div>
            {values.subnets.map((s, i) => <input key={s} type="hidden" name={`subnets.${i}`} value={s} />)}
            {err("subnets") && <p id="subnets-error" role="alert" className="mt-1 text-xs font-medium text-red-700">{err("subnets")![0]}</p>}
          </fieldset>
        </>
      )}
      <div className="grid gap-4 md:grid-cols-4">
        <Field label="Target capacity %" htmlFor="targetCapacity" error={err("targetCapacity")} hint="Managed scaling keeps instance use at this level (1–100).">
          <Input type="number" min={1} max={100} {...field("targetCapacity")} />
        </Field>
        <Field label="Managed termination protection" htmlFor="terminationProtection" error={err("terminationProtection")}>
          <Select {...field("terminationProtection")}>
            <option value="enabled">On</option>
            <option value="disabled">Off</option>
          </Select>
        </Field>
        <Field label="EC2 weight" htmlFor="ec2Weight" error={err("ec2Weight")}><Input type="number" min={0} max={1000} {...field("ec2Weight")} /></Field>
        <Field label="EC2 base" htmlFor="ec2Base" error={err("ec2Base")}><Input type="number" min={0} max={100000} {...field("ec2Base")} /></Field>
      </div>
    </div>
  );
}
