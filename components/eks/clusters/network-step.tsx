"use client";

import { Field, fieldAria } from "@/components/ui/field";
import { Checkbox, RadioCards, Select, Textarea } from "@/components/ui/input";
import type { EksNetwork } from "./types";
import { plural } from "@/lib/core/format/plural";

export type NetworkValues = {
  vpcId: string;
  subnets: string[];
  subnetZones: string[];
  securityGroups: string[];
  endpointAccess: string;
  publicAccessCidrs: string;
};

type Props = {
  networks: EksNetwork[];
  values: NetworkValues;
  set: (patch: Partial<NetworkValues>) => void;
  errorFor: (key: string) => string[] | undefined;
  touch: (key: string) => void;
};

const toggle = (list: string[], item: string, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

/** VPC, subnets (two Availability Zones at least), security groups and endpoint access, as the console's Networking step. */
export function NetworkStep({ networks, values, set, errorFor, touch }: Props) {
  const network = networks.find((n) => n.vpc.id === values.vpcId);
  const subnets = network?.subnets ?? [];
  const zoneOf = (id: string) => subnets.find((s) => s.id === id)?.az ?? "";
  const setSubnets = (ids: string[]) => {
    set({ subnets: ids, subnetZones: ids.map(zoneOf) });
    touch("subnets");
  };
  const zones = new Set(values.subnetZones);
  const subnetsError = errorFor("subnets");
  return (
    <div className="space-y-5">
      <Field label="VPC" htmlFor="vpcId" error={errorFor("vpcId")} hint="The VPC the control plane's network interfaces and your nodes live in.">
        <Select id="vpcId" name="vpcId" value={values.vpcId} onBlur={() => touch("vpcId")} {...fieldAria("vpcId", errorFor("vpcId"))}
          onChange={(e) => set({ vpcId: e.target.value, subnets: [], subnetZones: [], securityGroups: [] })}>
          <option value="">Pick a VPC…</option>
          {networks.map(({ vpc }) => (
            <option key={vpc.id} value={vpc.id}>{vpc.id}{vpc.name ? ` (${vpc.name})` : ""} · {vpc.cidr}{vpc.isDefault ? " · default" : ""}</option>
          ))}
        </Select>
      </Field>

      <fieldset aria-describedby={subnetsError ? "subnets-error" : "subnets-hint"} aria-invalid={subnetsError ? true : undefined}>
        <legend className="text-[13px] font-medium text-ink">Subnets</legend>
        <p id="subnets-hint" className="mb-2 text-xs text-ink-muted">
          EKS needs subnets in at least two Availability Zones. Picked: {plural(values.subnets.length, "subnet")} in {plural(zones.size, "zone")}.
        </p>
        {!network && <p className="text-xs text-ink-muted">Pick a VPC first.</p>}
        <div className="grid gap-1.5 md:grid-cols-2">
          {subnets.map((s) => (
            <Checkbox key={s.id} checked={values.subnets.includes(s.id)} onChange={(e) => setSubnets(toggle(values.subnets, s.id, e.target.checked))}
              label={<span className="font-mono text-xs">{s.id}</span>}
              description={`${s.az} · ${s.cidr} · ${s.public ? "public" : "private"}${s.name ? ` · ${s.name}` : ""}`} />
          ))}
        </div>
        {subnetsError && <p id="subnets-error" role="alert" className="mt-1 text-xs font-medium text-red-700">{subnetsError[0]}</p>}
        {values.subnets.map((id, i) => (
          <span key={id}>
            <input type="hidden" name={`subnets.${i}`} value={id} />
            <input type="hidden" name={`subnetZones.${i}`} value={values.subnetZones[i] ?? ""} />
          </span>
        ))}
      </fieldset>

      <fieldset>
        <legend className="text-[13px] font-medium text-ink">Additional security groups (optional)</legend>
        <p className="mb-2 text-xs text-ink-muted">EKS creates a cluster security group itself; add up to 5 more for the control plane&apos;s network interfaces.</p>
        <div className="grid gap-1.5 md:grid-cols-2">
          {(network?.securityGroups ?? []).map((g) => (
            <Checkbox key={g.id} checked={values.securityGroups.includes(g.id)} onChange={(e) => set({ securityGroups: toggle(values.securityGroups, g.id, e.target.checked) })}
              label={<span><span className="font-mono text-xs">{g.id}</span> {g.name}</span>} description={g.description} />
          ))}
        </div>
        {errorFor("securityGroups") && <p role="alert" className="mt-1 text-xs font-medium text-red-700">{errorFor("securityGroups")![0]}</p>}
        {values.securityGroups.map((id, i) => <input key={id} type="hidden" name={`securityGroups.${i}`} value={id} />)}
      </fieldset>

      <RadioCards name="endpointAccess" legend="Cluster endpoint access" value={values.endpointAccess} onValueChange={(v) => set({ endpointAccess: v })}
        options={[
          { value: "public", label: "Public", description: "The API server is reachable from the internet; nodes reach it through the internet too." },
          { value: "both", label: "Public and private", description: "Reachable from the internet, and from within the VPC without leaving it." },
          { value: "private", label: "Private", description: "Reachable only from within the VPC (or connected networks)." },
        ]} />
      {values.endpointAccess !== "private" && (
        <Field label="Public access CIDR blocks" htmlFor="publicAccessCidrs" error={errorFor("publicAccessCidrs")}
          hint="Who may reach the public endpoint: one IPv4 CIDR block per line, up to 40. 0.0.0.0/0 allows any address.">
          <Textarea id="publicAccessCidrs" name="publicAccessCidrs" rows={3} className="font-mono" value={values.publicAccessCidrs}
            onChange={(e) => set({ publicAccessCidrs: e.target.value })} onBlur={() => touch("publicAccessCidrs")} {...fieldAria("publicAccessCidrs", errorFor("publicAccessCidrs"))} />
        </Field>
      )}
      {values.endpointAccess === "private" && <input type="hidden" name="publicAccessCidrs" value={values.publicAccessCidrs} />}
    </div>
  );
}
