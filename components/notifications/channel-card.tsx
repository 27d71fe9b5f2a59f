import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { eventLabel } from "@/lib/notifications/event-types";
import { addSubscriptionAction, removeSubscriptionAction, sendTestAction, toggleChannelAction } from "@/lib/notifications/actions";
import type { ChannelPage } from "@/lib/notifications/reads";
import { ActionButton } from "./action-button";
import { ChannelForm } from "./channel-form";
import { DeleteChannelButton } from "./delete-channel-button";
import { DeliveryLog } from "./delivery-log";
import { SubscriptionForm } from "./subscription-form";

const KIND_LABEL = { slack: "Slack webhook", smtp: "E-mail (SMTP)", webhook: "Signed webhook" } as const;

function SecretState({ label, set }: { label: string; set: boolean }) {
  return <span>{label}: <Badge tone={set ? "green" : "yellow"}>{set ? "set" : "not set"}</Badge></span>;
}

export function ChannelCard({ channel, connections }: { channel: ChannelPage; connections: { id: string; name: string }[] }) {
  const s = channel.settings;
  return (
    <Card data-testid="channel-card" aria-label={`Channel ${channel.name}`} role="region">
      <CardHeader
        title={<span className="flex items-center gap-2">{channel.name} <Badge tone="blue">{KIND_LABEL[channel.kind]}</Badge>{!channel.enabled && <Badge tone="yellow">paused</Badge>}</span>}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <ActionButton action={sendTestAction} fields={{ channelId: channel.id }} label="Send test" ariaLabel={`Send test to ${channel.name}`} />
            <ActionButton action={toggleChannelAction} fields={{ id: channel.id }} label={channel.enabled ? "Pause" : "Enable"} ariaLabel={`${channel.enabled ? "Pause" : "Enable"} ${channel.name}`} />
            <DeleteChannelButton id={channel.id} name={channel.name} />
          </div>
        }
      />
      <CardBody className="space-y-4">
        <div className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {channel.kind !== "smtp" && <SecretState label="URL" set={channel.secretsSet.url} />}
          {channel.kind === "webhook" && <SecretState label="Signing secret" set={channel.secretsSet.hmacSecret} />}
          {channel.kind === "smtp" && (
            <>
              <span>Server: <span className="font-mono">{s.host}:{s.port}</span> ({s.tlsMode})</span>
              <span>From: {s.from}</span>
              <span>To: {(s.to ?? []).join(", ")}</span>
              {s.user && <SecretState label={`Password for ${s.user}`} set={channel.secretsSet.smtpPassword} />}
            </>
          )}
          {channel.allowPrivateTargets && <Badge tone="yellow">private targets allowed</Badge>}
        </div>
        <section aria-label={`Subscriptions of ${channel.name}`} className="space-y-2">
          <h3 className="text-sm font-semibold">Subscriptions</h3>
          {channel.subscriptions.length === 0
            ? <p className="text-sm text-ink-muted">No subscriptions: this channel only gets tests. Pick events below.</p>
            : (
              <ul className="space-y-1 text-sm">
                {channel.subscriptions.map((sub) => (
                  <li key={sub.id} className="flex flex-wrap items-center gap-2" data-testid="subscription">
                    <span>{sub.events.map(eventLabel).join(", ")}</span>
                    <span className="text-xs text-ink-muted">{sub.connectionName ?? "every connection"} · {sub.cluster ?? "every cluster"}</span>
                    <ActionButton action={removeSubscriptionAction} fields={{ id: sub.id }} label="Remove" ariaLabel={`Remove subscription of ${channel.name}`} variant="ghost" />
                  </li>
                ))}
              </ul>
            )}
          <details className="rounded-md border border-line p-3">
            <summary className="cursor-pointer text-sm font-medium">Add a subscription</summary>
            <div className="mt-3">
              <SubscriptionForm action={addSubscriptionAction} label={`Subscribe ${channel.name}`} channelId={channel.id} connections={connections} />
            </div>
          </details>
        </section>
        <details className="rounded-md border border-line p-3">
          <summary className="cursor-pointer text-sm font-medium">Edit {channel.name}</summary>
          <div className="mt-3">
            <ChannelForm initial={{
              id: channel.id, name: channel.name, kind: channel.kind, smtpHost: s.host ?? "", smtpPort: String(s.port ?? 587), tlsMode: s.tlsMode ?? "starttls",
              smtpUser: s.user ?? "", fromAddress: s.from ?? "", toAddresses: (s.to ?? []).join(", "), allowPrivateTargets: channel.allowPrivateTargets, secretsSet: channel.secretsSet,
            }} />
          </div>
        </details>
        <section aria-label={`Deliveries of ${channel.name}`} className="space-y-2">
          <h3 className="text-sm font-semibold">Delivery log</h3>
          <DeliveryLog channelName={channel.name} deliveries={channel.deliveries} />
        </section>
      </CardBody>
    </Card>
  );
}
