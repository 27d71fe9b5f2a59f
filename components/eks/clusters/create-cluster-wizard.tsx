"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Checkbox, Input, RadioCards, Select } from "@/components/ui/input";
import { PlanReview } from "@/components/wizard/plan-review";
import { TagsEditor } from "@/components/wizard/tags-editor";
import { usePlanSubmit } from "@/components/wizard/use-plan-submit";
import { useWizard, type WizardStep } from "@/components/wizard/use-wizard";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { createEksClusterAction, previewEksClusterPlanAction } from "@/lib/eks/clusters/actions";
import { EKS_PRICE_PER_HOUR, offeredVersions, preferredVersion, supportPhase, versionLabel } from "@/lib/eks/clusters/version-support";
import { createEksClusterSchema, LOG_TYPES } from "@/lib/eks/clusters/schema";
import type { Tag } from "@/lib/core/validation/tags";
import { CostNote } from "./cost-note";
import { NetworkStep, type NetworkValues } from "./network-step";
import { ClusterRoleField } from "./role-field";
import type { EksNetwork, RoleOption, VersionOption } from "./types";

const STEPS: WizardStep[] = [
  { id: "cluster", label: "Cluster", fields: ["clusterName", "version", "supportType", "roleMode", "roleArn"] },
  { id: "networking", label: "Networking", fields: ["vpcId", "subnets", "securityGroups", "endpointAccess", "publicAccessCidrs"] },
  { id: "observability", label: "Logging, encryption, tags", fields: ["logTypes", "encryption", "kmsKeyArn", "tags"] },
];

const LOG_LABELS: Record<(typeof LOG_TYPES)[number], [string, string]> = {
  api: ["API server", "Requests to the Kubernetes API."],
  audit: ["Audit", "Who did what in the cluster, for compliance."],
  authenticator: ["Authenticator", "IAM authentication of API requests."],
  controllerManager: ["Controller manager", "The core control loops."],
  scheduler: ["Scheduler", "Where and why pods were placed."],
};

type Props = {
  connection: { id: string; name: string; region: string };
  versions: VersionOption[];
  versionsFromAws: boolean;
  /** The server's now (ISO), so support phases agree between the server render and the browser. */
  today: string;
  roles: RoleOption[] | null;
  rolesError?: string;
  networks: EksNetwork[];
};

export function CreateEksClusterWizard({ connection, versions: listed, versionsFromAws, roles, rolesError, networks, today }: Props) {
  const now = new Date(today);
  const versions = offeredVersions(listed, now);
  const defaultVersion = preferredVersion(versions, now);
  const defaultVpc = networks.find((n) => n.vpc.isDefault)?.vpc.id ?? networks[0]?.vpc.id ?? "";
  const standardExists = roles?.some((r) => r.name === "eksClusterRole") ?? false;
  const [values, setValues] = useState({
    connectionId: connection.id,
    region: connection.region,
    clusterName: "",
    version: defaultVersion,
    supportType: "STANDARD",
    roleMode: standardExists ? "existing" : "create",
    roleArn: standardExists ? roles!.find((r) => r.name === "eksClusterRole")!.arn : "",
    vpcId: defaultVpc,
    subnets: [] as string[],
    subnetZones: [] as string[],
    securityGroups: [] as string[],
    endpointAccess: "public",
    publicAccessCidrs: "0.0.0.0/0",
    encryption: "off",
    kmsKeyArn: "",
    logTypes: [] as string[],
    tags: [] as Tag[],
  });
  const w = useWizard(createEksClusterSchema, STEPS, values);
  const { review, setReview, message, onReview, action } = usePlanSubmit(w, STEPS.length, previewEksClusterPlanAction, createEksClusterAction);
  const set = (patch: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setReview(null);
  };


  const err = (k: string) => w.errorFor(k);
  const selected = versions.find((v) => v.version === values.version);
  const text = (k: "clusterName" | "kmsKeyArn", hint?: boolean) => ({
    id: k,
    name: k,
    value: values[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set({ [k]: e.target.value }),
    onBlur: () => w.touch(k),
    ...fieldAria(k, err(k), hint),
  });

  return (
    <WizardFrame steps={STEPS} current={w.current} action={action} onBack={w.back} message={message}
      submitLabel={onReview ? "Create cluster" : w.current === STEPS.length - 1 ? "Review" : "Next"}>
      <input type="hidden" name="connectionId" value={values.connectionId} />
      <input type="hidden" name="region" value={values.region} />

      <div hidden={w.current !== 0}>
        <Card>
          <CardHeader title="Cluster configuration" description={`The Kubernetes control plane, run by EKS in ${connection.region} (connection ${connection.name}).`} />
          <CardBody className="space-y-4">
            <Field label="Cluster name" htmlFor="clusterName" required error={err("clusterName")}
              hint="1–100 letters, digits, hyphens and underscores, starting with a letter or digit. Unique in the region; it cannot be changed later.">
              <Input {...text("clusterName", true)} autoFocus autoComplete="off" spellCheck={false} placeholder="prod" />
            </Field>
            <Field label="Kubernetes version" htmlFor="version" error={err("version")}
              hint={versionsFromAws
                ? `Versions EKS offers in this region, newest first. A version in extended support costs $${EKS_PRICE_PER_HOUR.extended.toFixed(2)} an hour instead of $${EKS_PRICE_PER_HOUR.standard.toFixed(2)}.`
                : "EKS did not list its versions here; these are the versions it supported when Portside was released."}>
              <Select id="version" name="version" value={values.version} onChange={(e) => set({ version: e.target.value })} {...fieldAria("version", err("version"), true)}>
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    {versionLabel(v, now)}{v.version === defaultVersion ? " (recommended)" : ""}
                  </option>
                ))}
              </Select>
            </Field>
            {selected && supportPhase(selected, now) === "extended" && (
              <Alert tone="warning" title={`Kubernetes ${selected.version} is past standard support`} data-testid="version-extended-warning">
                A new cluster on it is billed at the extended support rate, ${EKS_PRICE_PER_HOUR.extended.toFixed(2)} an hour (six times standard), from the start. Pick a version in standard support unless you need this one.
              </Alert>
            )}
            <RadioCards name="supportType" legend="Upgrade policy" value={values.supportType} onValueChange={(v) => set({ supportType: v })}
              options={[
                { value: "STANDARD", label: "Standard support", description: `EKS upgrades the cluster automatically when its version's standard support ends. $${EKS_PRICE_PER_HOUR.standard.toFixed(2)} an hour.` },
                { value: "EXTENDED", label: "Extended support", description: `The cluster stays on its version for 12 more months, at $${EKS_PRICE_PER_HOUR.extended.toFixed(2)} an hour once standard support ends.` },
              ]} />
            <ClusterRoleField roles={roles} rolesError={rolesError} mode={values.roleMode} arn={values.roleArn}
              onChange={(p) => set({ ...(p.mode !== undefined ? { roleMode: p.mode } : {}), ...(p.arn !== undefined ? { roleArn: p.arn } : {}) })}
              errorFor={err} touch={w.touch} />
          </CardBody>
        </Card>
      </div>

      <div hidden={w.current !== 1}>
        <Card>
          <CardHeader title="Networking" description="Where the control plane places its network interfaces, and who can reach the Kubernetes API." />
          <CardBody>
            <NetworkStep networks={networks} values={values as NetworkValues} set={set} errorFor={err} touch={w.touch} />
          </CardBody>
        </Card>
      </div>

      <div hidden={w.current !== 2}>
        <Card>
          <CardHeader title="Logging, encryption and tags" />
          <CardBody className="space-y-5">
            <fieldset>
              <legend className="text-[13px] font-medium text-ink">Control plane logging</legend>
              <p className="mb-2 text-xs text-ink-muted">Sent to CloudWatch Logs (/aws/eks/&lt;cluster&gt;/cluster), billed as log ingestion and storage.</p>
              <div className="grid gap-1.5 md:grid-cols-2">
                {LOG_TYPES.map((t) => (
                  <Checkbox key={t} checked={values.logTypes.includes(t)} label={LOG_LABELS[t][0]} description={LOG_LABELS[t][1]}
                    onChange={(e) => set({ logTypes: e.target.checked ? [...values.logTypes, t] : values.logTypes.filter((x) => x !== t) })} />
                ))}
              </div>
              {LOG_TYPES.filter((t) => values.logTypes.includes(t)).map((t, i) => <input key={t} type="hidden" name={`logTypes.${i}`} value={t} />)}
            </fieldset>
            <RadioCards name="encryption" legend="Secrets encryption" value={values.encryption} onValueChange={(v) => set({ encryption: v })}
              options={[
                { value: "off", label: "Off", description: "Kubernetes secrets are stored with EKS's default encryption at rest." },
                { value: "on", label: "Envelope-encrypt secrets with a KMS key", description: "A symmetric key in this region. Once on, it cannot be turned off." },
              ]} />
            {values.encryption === "on" ? (
              <Field label="KMS key ARN" htmlFor="kmsKeyArn" error={err("kmsKeyArn")} hint="The key policy must let the cluster role use the key.">
                <Input {...text("kmsKeyArn", true)} className="font-mono" spellCheck={false} placeholder={`arn:aws:kms:${connection.region}:123456789012:key/…`} />
              </Field>
            ) : (
              <input type="hidden" name="kmsKeyArn" value={values.kmsKeyArn} />
            )}
            <TagsEditor tags={values.tags} onChange={(tags) => set({ tags })} errorFor={err} onTouch={w.touch} />
          </CardBody>
        </Card>
      </div>

      {onReview && review && <PlanReview review={review} note={<CostNote version={selected} now={now} />} />}
    </WizardFrame>
  );
}
