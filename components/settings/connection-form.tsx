"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, RadioCards, Select } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { keepValuesSubmit } from "@/components/forms/keep-values-submit";
import { initialState } from "@/lib/core/actions/state";
import { saveConnectionAction } from "@/lib/core/connections/actions";
import { AWS_REGIONS } from "@/lib/core/aws/regions";
import { ReauthPrompt } from "@/components/account/reauth-prompt";

export type ConnectionFormValues = {
  id?: string;
  name: string;
  kind: string;
  defaultRegion: string;
  regions: string[];
  endpointUrl: string;
  profile: string;
  roleArn: string;
  externalId: string;
  accessKeyId: string;
  hasSecret: boolean;
};

const KINDS = [
  { value: "default_chain", label: "Default credential chain", description: "Environment, instance or task role of the Portside host." },
  { value: "profile", label: "Named profile", description: "A profile from ~/.aws/config on the Portside host." },
  { value: "assume_role", label: "Assume role", description: "Portside assumes a role in the target account, with an optional external id." },
  { value: "static_keys", label: "Access keys", description: "An access key pair, stored encrypted. Prefer a role where you can." },
  { value: "sandbox", label: "Local sandbox", description: "The moto-based stand-in for AWS that `npm start` runs." },
];

export function ConnectionForm({ initial }: { initial: ConnectionFormValues }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(saveConnectionAction, initialState);
  const [kind, setKind] = useState(initial.kind);
  const formRef = useRef<HTMLFormElement>(null);
  const e = state.fieldErrors ?? {};
  const v = (k: string, fallback: string) => String(state.values?.[k] ?? fallback);
  useEffect(() => {
    if (state.ok) router.push("/settings/connections");
  }, [state.ok, router]);

  return (
    <>
      <form ref={formRef} onSubmit={keepValuesSubmit(action)} noValidate className="max-w-3xl space-y-5">
        {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
        {initial.id && <input type="hidden" name="id" value={initial.id} />}
        <Card>
          <CardBody className="space-y-4">
            <Field label="Name" htmlFor="name" required error={e.name} hint="How people pick this account, e.g. “Production (eu-west-1)”.">
              <Input id="name" name="name" defaultValue={v("name", initial.name)} autoFocus {...fieldAria("name", e.name)} />
            </Field>
            <RadioCards name="kind" legend="How Portside signs in to AWS" value={kind} onValueChange={setKind} options={KINDS} />
            {kind === "profile" && (
              <Field label="Profile" htmlFor="profile" error={e.profile}>
                <Input id="profile" name="profile" defaultValue={v("profile", initial.profile)} placeholder="deploy" {...fieldAria("profile", e.profile)} />
              </Field>
            )}
            {kind === "assume_role" && (
              <div className="grid gap-4 md:grid-cols-2">
                <Field label="Role ARN" htmlFor="roleArn" error={e.roleArn}>
                  <Input id="roleArn" name="roleArn" defaultValue={v("roleArn", initial.roleArn)} placeholder="arn:aws:iam::123456789012:role/PortsideDeploy" {...fieldAria("roleArn", e.roleArn)} />
                </Field>
                <Field label="External id (optional)" htmlFor="externalId" error={e.externalId} hint="Required if the role's trust policy asks for one.">
                  <Input id="externalId" name="externalId" defaultValue={v("externalId", initial.externalId)} {...fieldAria("externalId", e.externalId)} />
                </Field>
              </div>
            )}
            {kind === "static_keys" && (
              <div className="grid gap-4 md:grid-cols-2">
                <Field label="Access key id" htmlFor="accessKeyId" error={e.accessKeyId}>
                  <Input id="accessKeyId" name="accessKeyId" defaultValue={v("accessKeyId", initial.accessKeyId)} autoComplete="off" {...fieldAria("accessKeyId", e.accessKeyId)} />
                </Field>
                <Field label="Secret access key" htmlFor="secretAccessKey" error={e.secretAccessKey}
                  hint={initial.hasSecret ? "A secret is stored. Leave empty to keep it." : "Stored encrypted; never shown again."}>
                  <Input id="secretAccessKey" name="secretAccessKey" type="password" autoComplete="new-password" {...fieldAria("secretAccessKey", e.secretAccessKey)} />
                </Field>
              </div>
            )}
            <Field label={kind === "sandbox" ? "Endpoint URL" : "Custom endpoint (optional)"} htmlFor="endpointUrl" error={e.endpointUrl}
              hint={kind === "sandbox" ? "The sandbox gateway, e.g. http://127.0.0.1:4566." : "Leave empty for AWS's own endpoints."}>
              <Input id="endpointUrl" name="endpointUrl" defaultValue={v("endpointUrl", initial.endpointUrl)} {...fieldAria("endpointUrl", e.endpointUrl)} />
            </Field>
          </CardBody>
        </Card>
        <Card>
          <CardBody className="space-y-4">
            <Field label="Default region" htmlFor="defaultRegion" error={e.defaultRegion}>
              <Select id="defaultRegion" name="defaultRegion" defaultValue={v("defaultRegion", initial.defaultRegion)} {...fieldAria("defaultRegion", e.defaultRegion)}>
                {AWS_REGIONS.map((r) => <option key={r.code} value={r.code}>{r.code} — {r.name}</option>)}
              </Select>
            </Field>
            <fieldset>
              <legend className="text-sm font-medium">Other regions to work in</legend>
              <div className="mt-2 grid max-h-56 grid-cols-2 gap-1 overflow-auto rounded-md border border-line p-2 md:grid-cols-3">
                {AWS_REGIONS.map((r, i) => (
                  <label key={r.code} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name={`regions.${i}`} value={r.code} defaultChecked={initial.regions.includes(r.code)} />
                    <span className="font-mono text-xs">{r.code}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </CardBody>
        </Card>
        <Button type="submit" variant="primary" pending={pending}>{initial.id ? "Save connection" : "Add connection"}</Button>
      </form>
      {/* Outside the form: its own form's submit must not bubble into this one (portals bubble in React). */}
      <ReauthPrompt state={state} retry={() => formRef.current?.requestSubmit()} />
    </>
  );
}
