"use client";

import { useActionState } from "react";
import { keepValuesSubmit } from "@/components/forms/keep-values-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { ActionState } from "@/lib/core/actions/state";
import { initialState } from "@/lib/core/actions/state";
import { EVENT_TYPES } from "@/lib/notifications/event-types";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * Which events, optionally narrowed to one connection and cluster. `channels` is given for a
 * person's own subscription (pick an e-mail channel); a channel's own form passes `channelId`.
 */
export function SubscriptionForm({ action, label, channelId, channels, connections }: {
  action: Action;
  label: string;
  channelId?: string;
  channels?: { id: string; name: string }[];
  connections: { id: string; name: string }[];
}) {
  const [state, dispatch, pending] = useActionState(action, initialState);
  const e = state.fieldErrors ?? {};
  const prefix = channelId ?? "mine";
  return (
    <form onSubmit={keepValuesSubmit(dispatch)} noValidate className="space-y-3" aria-label={label}>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      {channelId && <input type="hidden" name="channelId" value={channelId} />}
      {channels && (
        <Field label="E-mail channel" htmlFor={`${prefix}-channel`} error={e.channelId}>
          <Select id={`${prefix}-channel`} name="channelId" {...fieldAria(`${prefix}-channel`, e.channelId)}>
            {channels.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </Select>
        </Field>
      )}
      <fieldset aria-describedby={e.events ? `${prefix}-events-error` : undefined}>
        <legend className="text-[13px] font-medium">Events</legend>
        <div className="mt-1 grid gap-1 md:grid-cols-2">
          {EVENT_TYPES.map((t, i) => (
            <label key={t.type} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`events.${i}`} value={t.type} />
              {t.label}
            </label>
          ))}
        </div>
        {e.events && <p id={`${prefix}-events-error`} className="mt-1 text-xs text-red-700">{e.events.join(" ")}</p>}
      </fieldset>
      <div className="grid gap-3 md:grid-cols-2">
        <Field label="Only this connection (optional)" htmlFor={`${prefix}-conn`} error={e.connectionId}>
          <Select id={`${prefix}-conn`} name="connectionId" defaultValue="" {...fieldAria(`${prefix}-conn`, e.connectionId)}>
            <option value="">Every connection</option>
            {connections.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </Select>
        </Field>
        <Field label="Only this cluster (optional)" htmlFor={`${prefix}-cluster`} error={e.cluster}>
          <Input id={`${prefix}-cluster`} name="cluster" maxLength={255} placeholder="every cluster" {...fieldAria(`${prefix}-cluster`, e.cluster)} />
        </Field>
      </div>
      <Button type="submit" variant="secondary" size="sm" pending={pending}>Subscribe</Button>
    </form>
  );
}
