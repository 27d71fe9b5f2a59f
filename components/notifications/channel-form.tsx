"use client";

import { useActionState, useRef, useState } from "react";
import { ReauthPrompt } from "@/components/account/reauth-prompt";
import { keepValuesSubmit } from "@/components/forms/keep-values-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Checkbox, Input, RadioCards, Select, Textarea } from "@/components/ui/input";
import { initialState } from "@/lib/core/actions/state";
import { saveChannelAction } from "@/lib/notifications/actions";

export type ChannelFormInitial = {
  id?: string;
  name: string;
  kind: "slack" | "smtp" | "webhook";
  smtpHost: string;
  smtpPort: string;
  tlsMode: string;
  smtpUser: string;
  fromAddress: string;
  toAddresses: string;
  allowPrivateTargets: boolean;
  secretsSet: { url: boolean; hmacSecret: boolean; smtpPassword: boolean };
};

export const EMPTY_CHANNEL: ChannelFormInitial = {
  name: "", kind: "slack", smtpHost: "", smtpPort: "587", tlsMode: "starttls", smtpUser: "", fromAddress: "", toAddresses: "",
  allowPrivateTargets: false, secretsSet: { url: false, hmacSecret: false, smtpPassword: false },
};

const KINDS = [
  { value: "slack", label: "Slack-compatible webhook", description: "An incoming webhook URL (Slack, Mattermost, Rocket.Chat)." },
  { value: "smtp", label: "E-mail (SMTP)", description: "Your mail server sends to a list of addresses." },
  { value: "webhook", label: "Signed webhook", description: "JSON POSTed to your URL, signed with HMAC-SHA256." },
];

/** A secret field: empty keeps what is stored; the stored value is never sent to the browser. */
function secretHint(isSet: boolean, what: string) {
  return isSet ? `${what} is set. Leave empty to keep it, or type a new one to replace it.` : `Stored encrypted; never shown again.`;
}

export function ChannelForm({ initial }: { initial: ChannelFormInitial }) {
  const [state, action, pending] = useActionState(saveChannelAction, initialState);
  const [kind, setKind] = useState<string>(initial.kind);
  const formRef = useRef<HTMLFormElement>(null);
  const e = state.fieldErrors ?? {};
  const v = (k: string, fallback: string) => String(state.values?.[k] ?? fallback);
  const idp = initial.id ? `${initial.id}-` : "new-";
  const id = (name: string) => `${idp}${name}`;
  return (
    <>
      <form ref={formRef} onSubmit={keepValuesSubmit(action)} noValidate className="space-y-4" aria-label={initial.id ? `Edit channel ${initial.name}` : "New channel"}>
        {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
        {initial.id && <input type="hidden" name="id" value={initial.id} />}
        <Field label="Name" htmlFor={id("name")} required error={e.name} hint="How people tell channels apart, e.g. “#deploys”.">
          <Input id={id("name")} name="name" defaultValue={v("name", initial.name)} maxLength={64} {...fieldAria(id("name"), e.name, true)} />
        </Field>
        <RadioCards name="kind" legend="Kind" value={kind} onValueChange={setKind} options={KINDS} />
        {(kind === "slack" || kind === "webhook") && (
          <Field label={kind === "slack" ? "Incoming webhook URL" : "Webhook URL"} htmlFor={id("urlSecret")} error={e.urlSecret}
            hint={secretHint(initial.kind === kind && initial.secretsSet.url, "The URL")}>
            <Input id={id("urlSecret")} name="urlSecret" type="password" autoComplete="off" maxLength={2048}
              placeholder={initial.kind === kind && initial.secretsSet.url ? "•••••• (set)" : "https://hooks.example.com/…"} {...fieldAria(id("urlSecret"), e.urlSecret, true)} />
          </Field>
        )}
        {kind === "webhook" && (
          <Field label="Signing secret" htmlFor={id("hmacSecret")} error={e.hmacSecret} hint={secretHint(initial.kind === kind && initial.secretsSet.hmacSecret, "The secret")}>
            <Input id={id("hmacSecret")} name="hmacSecret" type="password" autoComplete="new-password" maxLength={512}
              placeholder={initial.kind === kind && initial.secretsSet.hmacSecret ? "•••••• (set)" : "at least 16 characters"} {...fieldAria(id("hmacSecret"), e.hmacSecret, true)} />
          </Field>
        )}
        {kind === "smtp" && (
          <div className="grid gap-4 md:grid-cols-2">
            <Field label="SMTP host" htmlFor={id("smtpHost")} error={e.smtpHost}>
              <Input id={id("smtpHost")} name="smtpHost" defaultValue={v("smtpHost", initial.smtpHost)} placeholder="smtp.example.com" {...fieldAria(id("smtpHost"), e.smtpHost)} />
            </Field>
            <Field label="Port" htmlFor={id("smtpPort")} error={e.smtpPort}>
              <Input id={id("smtpPort")} name="smtpPort" inputMode="numeric" defaultValue={v("smtpPort", initial.smtpPort)} {...fieldAria(id("smtpPort"), e.smtpPort)} />
            </Field>
            <Field label="Encryption" htmlFor={id("tlsMode")} error={e.tlsMode}>
              <Select id={id("tlsMode")} name="tlsMode" defaultValue={v("tlsMode", initial.tlsMode)} {...fieldAria(id("tlsMode"), e.tlsMode)}>
                <option value="starttls">STARTTLS (port 587)</option>
                <option value="tls">TLS from the start (port 465)</option>
                <option value="none">None (sandbox only, to this machine)</option>
              </Select>
            </Field>
            <Field label="User name (optional)" htmlFor={id("smtpUser")} error={e.smtpUser}>
              <Input id={id("smtpUser")} name="smtpUser" autoComplete="off" defaultValue={v("smtpUser", initial.smtpUser)} {...fieldAria(id("smtpUser"), e.smtpUser)} />
            </Field>
            <Field label="Password" htmlFor={id("smtpPassword")} error={e.smtpPassword} hint={secretHint(initial.kind === "smtp" && initial.secretsSet.smtpPassword, "The password")}>
              <Input id={id("smtpPassword")} name="smtpPassword" type="password" autoComplete="new-password" maxLength={512}
                placeholder={initial.kind === "smtp" && initial.secretsSet.smtpPassword ? "•••••• (set)" : ""} {...fieldAria(id("smtpPassword"), e.smtpPassword, true)} />
            </Field>
            <Field label="From" htmlFor={id("fromAddress")} error={e.fromAddress}>
              <Input id={id("fromAddress")} name="fromAddress" type="email" defaultValue={v("fromAddress", initial.fromAddress)} placeholder="portside@example.com" {...fieldAria(id("fromAddress"), e.fromAddress)} />
            </Field>
            <Field label="To" htmlFor={id("toAddresses")} error={e.toAddresses} hint="Up to 20 addresses, separated by commas or new lines." className="md:col-span-2">
              <Textarea id={id("toAddresses")} name="toAddresses" rows={2} defaultValue={v("toAddresses", initial.toAddresses)} {...fieldAria(id("toAddresses"), e.toAddresses, true)} />
            </Field>
          </div>
        )}
        <Checkbox name="allowPrivateTargets" defaultChecked={initial.allowPrivateTargets} label="Allow private network targets"
          description="Lets this channel reach 10/8, 172.16/12, 192.168/16 and fc00::/7 addresses. Link-local and metadata addresses stay refused." />
        <Button type="submit" variant="primary" pending={pending}>{initial.id ? "Save channel" : "Add channel"}</Button>
      </form>
      <ReauthPrompt state={state} retry={() => formRef.current?.requestSubmit()} />
    </>
  );
}
