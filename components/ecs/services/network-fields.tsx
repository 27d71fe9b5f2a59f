"use client";

import { Field, fieldAria } from "@/components/ui/field";
import { Checkbox, Input, RadioCards, Select } from "@/components/ui/input";
import type { Vpc } from "@/lib/vpc/reads";
import type { FieldsProps, NetworkOptions } from "./form-values";

type Props = FieldsProps & { vpcs: Vpc[]; network: NetworkOptions; loadingNetwork: boolean; onVpcChange: (vpcId: string) => void };

/** VPC, subnets, security group (pick, or create with HTTP/HTTPS from a source) and public IP. */
export function NetworkFields({ values, set, errorFor: err, touch, vpcs, network, loadingNetwork, onVpcChange }: Props) {
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  if (values.networkMode !== "awsvpc") {
    return <p className="text-sm text-ink-muted">This task definition uses the {values.networkMode} network mode: tasks share their container instance&apos;s network, so there is nothing to choose here.</p>;
  }
  return (
    <div className="space-y-5">
      <Field label="VPC" htmlFor="vpcId" error={err("vpcId")}>
        <Select id="vpcId" name="vpcId" value={values.vpcId} onChange={(e) => onVpcChange(e.target.value)} {...fieldAria("vpcId", err("vpcId"))}>
          {vpcs.map((v) => <option key={v.id} value={v.id}>{v.id}{v.name ? ` (${v.name})` : ""} · {v.cidr}{v.isDefault ? " · default" : ""}</option>)}
        </Select>
      </Field>

      <fieldset aria-describedby={err("subnets") ? "subnets-error" : undefined}>
        <legend className="text-[13px] font-medium">Subnets</legend>
        <p className="mb-2 text-xs text-ink-muted">Tasks (and a new load balancer) are placed in these subnets. A load balancer needs two Availability Zones.</p>
        {loadingNetwork ? <p className="text-sm text-ink-muted">Loading subnets…</p> : (
          <div className="grid gap-1 md:grid-cols-2">
            {network.subnets.map((s) => (
              <Checkbox key={s.id} checked={values.subnets.includes(s.id)} onChange={(e) => { set({ subnets: toggle(values.subnets, s.id, e.target.checked) }); touch("subnets"); }}
                label={<span className="font-mono text-xs">{s.id}</span>} description={`${s.az} · ${s.cidr} · ${s.public ? "public" : "private"}${s.name ? ` · ${s.name}` : ""}`} />
            ))}
            {network.subnets.length === 0 && <p className="text-sm text-ink-muted">This VPC has no subnets.</p>}
          </div>
        )}
        {err("subnets") && <p id="subnets-error" role="alert" className="mt-1 text-xs text-red-700">{err("subnets")![0]}</p>}
      </fieldset>

      <RadioCards name="securityGroupMode" legend="Security group" value={values.securityGroupMode} onValueChange={(v) => set({ securityGroupMode: v })}
        options={[
          { value: "create", label: "Create a new security group", description: "Allow HTTP and/or HTTPS from a source you choose." },
          { value: "existing", label: "Use existing security groups", description: "Up to five groups of this VPC." },
        ]} />

      {values.securityGroupMode === "existing" ? (
        <fieldset aria-describedby={err("securityGroupIds") ? "securityGroupIds-error" : undefined}>
          <legend className="sr-only">Existing security groups</legend>
          <div className="grid gap-1 md:grid-cols-2">
            {network.securityGroups.map((g) => (
              <Checkbox key={g.id} checked={values.securityGroupIds.includes(g.id)} onChange={(e) => { set({ securityGroupIds: toggle(values.securityGroupIds, g.id, e.target.checked) }); touch("securityGroupIds"); }}
                label={<span><span className="font-mono text-xs">{g.id}</span> {g.name}</span>} description={g.description} />
            ))}
          </div>
          {err("securityGroupIds") && <p id="securityGroupIds-error" role="alert" className="mt-1 text-xs text-red-700">{err("securityGroupIds")![0]}</p>}
        </fieldset>
      ) : (
        <div className="space-y-4 rounded-md border border-line p-4">
          <Field label="Security group name" htmlFor="securityGroupName" error={err("securityGroupName")}>
            <Input id="securityGroupName" name="securityGroupName" value={values.securityGroupName} autoComplete="off" spellCheck={false} placeholder="web-service"
              onChange={(e) => set({ securityGroupName: e.target.value })} onBlur={() => touch("securityGroupName")} {...fieldAria("securityGroupName", err("securityGroupName"))} />
          </Field>
          <div className="flex gap-6">
            <Checkbox label="HTTP (port 80)" checked={values.allowHttp} onChange={(e) => { set({ allowHttp: e.target.checked }); touch("allowHttp"); }} />
            <Checkbox label="HTTPS (port 443)" checked={values.allowHttps} onChange={(e) => { set({ allowHttps: e.target.checked }); touch("allowHttp"); }} />
          </div>
          {err("allowHttp") && <p role="alert" className="text-xs text-red-700">{err("allowHttp")![0]}</p>}
          <Field label="Allow from" htmlFor="ingressSource" error={err("ingressSource")}
            hint="With a load balancer, the container port is opened to the same source so the load balancer reaches the tasks.">
            <Select id="ingressSource" name="ingressSource" value={values.ingressSource} onChange={(e) => { set({ ingressSource: e.target.value }); touch("ingressSource"); }} {...fieldAria("ingressSource", err("ingressSource"), true)}>
              <option value="anywhere">Anywhere (0.0.0.0/0)</option>
              <option value="cidr">A CIDR block</option>
              <option value="loadBalancer">The load balancer&apos;s security group</option>
            </Select>
          </Field>
          {values.ingressSource === "cidr" && (
            <Field label="Source CIDR" htmlFor="ingressCidr" error={err("ingressCidr")}>
              <Input id="ingressCidr" name="ingressCidr" value={values.ingressCidr} placeholder="10.0.0.0/16" onChange={(e) => set({ ingressCidr: e.target.value })} onBlur={() => touch("ingressCidr")} {...fieldAria("ingressCidr", err("ingressCidr"))} />
            </Field>
          )}
        </div>
      )}

      <Checkbox label="Public IP" description="Give each task a public IP address (needed in public subnets without a NAT gateway to pull images)."
        checked={values.assignPublicIp} onChange={(e) => set({ assignPublicIp: e.target.checked })} />
    </div>
  );
}
