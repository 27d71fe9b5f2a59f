"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ImagePicker } from "@/components/ecr/image-picker/image-picker";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Link } from "@/components/ui/link";
import { PORTSIDE } from "@/lib/ecs/self-hosting/prefill";
import { SELF_HOSTING_FIELDS, selfHostingSchema } from "@/lib/ecs/self-hosting/schema";
import type { SecretOption } from "@/lib/ecs/self-hosting/reads";
import type { Vpc } from "@/lib/vpc/reads";

type Field = (typeof SELF_HOSTING_FIELDS)[number];
type Props = { connectionId: string; region: string; secrets: SecretOption[] | null; clusters: string[] | null; vpcs: Vpc[] | null };

const SECRETS: { key: Field; env: string; hint: string }[] = [
  { key: "databaseUrlSecret", env: "DATABASE_URL", hint: "postgresql://portside:…@host:5432/portside?sslmode=require (RDS or Aurora PostgreSQL 15+)." },
  { key: "secretKeySecret", env: "PORTSIDE_SECRET_KEY", hint: "32 random bytes, base64 (openssl rand -base64 32). Keep it: stored AWS keys need it." },
  { key: "actionsKeySecret", env: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", hint: "32 random bytes, base64: the same for every task, so any task can answer any form." },
];

/**
 * Step 1 opens the task definition wizard prefilled for Portside itself; step 2 the service
 * wizard (2 tasks behind a new ALB). Checked here first: a bad value never leaves the page.
 */
export function RunOnAwsForm({ connectionId, region, secrets, clusters, vpcs }: Props) {
  const router = useRouter();
  // The service wizard starts in the default VPC, so its CIDR is the first guess for the proxies.
  const startVpc = vpcs?.find((v) => v.isDefault) ?? vpcs?.[0];
  const [vpcId, setVpcId] = useState(startVpc?.id ?? "");
  const [values, setValues] = useState<Record<Field, string>>({ family: "portside", image: "", databaseUrlSecret: "", secretKeySecret: "", actionsKeySecret: "", trustedProxies: startVpc?.cidr ?? "" });
  const [errors, setErrors] = useState<Partial<Record<Field, string[]>>>({});
  const [cluster, setCluster] = useState(clusters?.[0] ?? "");
  const set = (key: Field, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const open = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = selfHostingSchema.safeParse(values);
    if (!parsed.success) {
      const next: Partial<Record<Field, string[]>> = {};
      for (const issue of parsed.error.issues) (next[issue.path[0] as Field] ??= []).push(issue.message);
      setErrors(next);
      return;
    }
    setErrors({});
    router.push(`/ecs/task-definitions/new?${new URLSearchParams({ portside: "1", ...parsed.data })}`);
  };

  const input = (key: Field, extra: React.ComponentProps<"input"> = {}) => (
    <Input id={key} name={key} value={values[key]} onChange={(e) => set(key, e.target.value)} className="font-mono" {...extra} {...fieldAria(key, errors[key])} />
  );

  return (
    <div className="space-y-6">
      <form onSubmit={open} noValidate className="space-y-4" aria-labelledby="step-1">
        <h2 id="step-1" className="text-base font-semibold">1. Task definition</h2>
        <Field label="Family" htmlFor="family" error={errors.family} hint="The task definition's name; the service gets it too.">
          {input("family")}
        </Field>
        <Field label="Portside image" htmlFor="image" error={errors.image} hint="The image you built from Portside's Dockerfile and pushed to ECR.">
          {input("image", { placeholder: "123456789012.dkr.ecr.region.amazonaws.com/portside:tag" })}
        </Field>
        <ImagePicker connectionId={connectionId} region={region} onPick={(uri) => set("image", uri)} label="Pick the Portside image from ECR" />
        {secrets && secrets.length === 0 && (
          <p className="text-sm text-ink-muted">No Secrets Manager secrets in {region} yet: create the three below in Secrets Manager (see the README&apos;s &quot;Running Portside on AWS&quot;), then reload, or paste their ARNs.</p>
        )}
        <datalist id="secret-arns">
          {(secrets ?? []).map((s) => <option key={s.arn} value={s.arn}>{s.name}</option>)}
        </datalist>
        {SECRETS.map(({ key, env, hint }) => (
          <Field key={key} label={`${env} secret`} htmlFor={key} error={errors[key]} hint={`Secrets Manager ARN; pick one from the list or paste it. ${hint}`}>
            {input(key, { list: "secret-arns", placeholder: "arn:aws:secretsmanager:…:secret:…", autoComplete: "off" })}
          </Field>
        ))}
        {vpcs && vpcs.length > 0 && (
          <Field label="VPC the service will run in" htmlFor="vpc" hint="Its CIDR becomes PORTSIDE_TRUSTED_PROXIES: the load balancer there is believed about client addresses and https.">
            <Select id="vpc" value={vpcId} onChange={(e) => { setVpcId(e.target.value); set("trustedProxies", vpcs.find((v) => v.id === e.target.value)?.cidr ?? ""); }}>
              {vpcs.map((v) => <option key={v.id} value={v.id}>{v.id}{v.name ? ` (${v.name})` : ""} · {v.cidr}{v.isDefault ? " · default" : ""}</option>)}
            </Select>
          </Field>
        )}
        <Field label="Trusted proxies (PORTSIDE_TRUSTED_PROXIES)" htmlFor="trustedProxies" error={errors.trustedProxies}
          hint="Comma-separated addresses or CIDR ranges of the load balancer in front of Portside, e.g. 10.0.0.0/16. Leave empty to set it later (the wizard says how).">
          {input("trustedProxies", { placeholder: "10.0.0.0/16", autoComplete: "off" })}
        </Field>
        <Button type="submit">Open the task definition wizard</Button>
      </form>

      <section className="space-y-3" aria-labelledby="step-2">
        <h2 id="step-2" className="text-base font-semibold">2. Service</h2>
        <p className="text-sm text-ink-muted">Once the task definition exists: {PORTSIDE.tasks} tasks behind a new Application Load Balancer whose target group checks {PORTSIDE.healthPath} on port {PORTSIDE.port}.</p>
        {clusters && clusters.length === 0 ? (
          <p className="text-sm text-ink-muted">No ECS cluster in {region} yet: <Link href="/ecs/clusters/new" className="text-accent-700 hover:underline">create one</Link> first.</p>
        ) : (
          <div className="flex flex-wrap items-end gap-3">
            <Field label="Cluster" htmlFor="cluster">
              <Select id="cluster" value={cluster} onChange={(e) => setCluster(e.target.value)}>
                {(clusters ?? []).map((c) => <option key={c} value={c}>{c}</option>)}
              </Select>
            </Field>
            <ButtonLink variant="secondary" href={cluster ? `/ecs/clusters/${encodeURIComponent(cluster)}/services/new?${new URLSearchParams({ portside: "1", taskDefinition: values.family })}` : "/ecs/clusters"}>
              Open the service wizard
            </ButtonLink>
          </div>
        )}
      </section>
    </div>
  );
}
