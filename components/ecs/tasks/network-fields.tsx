"use client";

import { Field } from "@/components/ui/field";
import { Checkbox, Select } from "@/components/ui/input";

export type NetworkOption = {
  id: string;
  label: string;
  subnets: { id: string; label: string }[];
  securityGroups: { id: string; label: string }[];
};

export type NetworkValues = { vpcId: string; subnets: string[]; securityGroups: string[]; assignPublicIp: string };

type Props = {
  networks: NetworkOption[];
  values: NetworkValues;
  set: (patch: Partial<NetworkValues>) => void;
  err: (k: string) => string[] | undefined;
  touch: (k: string) => void;
};

function Checklist({ legend, name, items, chosen, onChange, error }: {
  legend: string; name: string; items: { id: string; label: string }[]; chosen: string[]; onChange: (ids: string[]) => void; error?: string[];
}) {
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="mb-1 text-[13px] font-medium text-ink">{legend}</legend>
      <div className="grid gap-1 md:grid-cols-2">
        {items.map((item) => (
          <Checkbox key={item.id} label={item.label} checked={chosen.includes(item.id)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, item.id] : chosen.filter((c) => c !== item.id))} />
        ))}
      </div>
      {chosen.map((id, i) => <input key={id} type="hidden" name={`${name}.${i}`} value={id} />)}
      {error && <p id={`${name}-error`} role="alert" className="mt-1 text-xs font-medium text-red-700">{error[0]}</p>}
    </fieldset>
  );
}

/** awsvpc networking: a VPC, its subnets and security groups, and whether tasks get a public IP. */
export function NetworkFields({ networks, values, set, err, touch }: Props) {
  const network = networks.find((n) => n.id === values.vpcId) ?? networks[0];
  return (
    <div className="space-y-4">
      <Field label="VPC" htmlFor="vpcId">
        <Select id="vpcId" value={network?.id ?? ""} onChange={(e) => set({ vpcId: e.target.value, subnets: [], securityGroups: [] })}>
          {networks.map((n) => <option key={n.id} value={n.id}>{n.label}</option>)}
        </Select>
      </Field>
      <Checklist legend="Subnets" name="subnets" items={network?.subnets ?? []} chosen={values.subnets} error={err("subnets")}
        onChange={(subnets) => { set({ subnets }); touch("subnets"); }} />
      <Checklist legend="Security groups" name="securityGroups" items={network?.securityGroups ?? []} chosen={values.securityGroups} error={err("securityGroups")}
        onChange={(securityGroups) => { set({ securityGroups }); touch("securityGroups"); }} />
      <Field label="Public IP" htmlFor="assignPublicIp" hint="Tasks in private subnets reach the internet through a NAT gateway instead.">
        <Select id="assignPublicIp" name="assignPublicIp" value={values.assignPublicIp} onChange={(e) => set({ assignPublicIp: e.target.value })}>
          <option value="DISABLED">Off</option>
          <option value="ENABLED">On</option>
        </Select>
      </Field>
    </div>
  );
}
