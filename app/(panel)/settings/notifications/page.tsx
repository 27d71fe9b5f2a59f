import type { Metadata } from "next";
import { ActionButton } from "@/components/notifications/action-button";
import { ChannelCard } from "@/components/notifications/channel-card";
import { ChannelForm, EMPTY_CHANNEL } from "@/components/notifications/channel-form";
import { SubscriptionForm } from "@/components/notifications/subscription-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { addMySubscriptionAction, removeMySubscriptionAction } from "@/lib/notifications/actions";
import { eventLabel } from "@/lib/notifications/event-types";
import { readChannelsPage, readMyNotifications } from "@/lib/notifications/reads";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const me = await requirePageUser("viewer");
  const isAdmin = me.role === "admin";
  const [mine, channels] = await Promise.all([readMyNotifications(me.id), isAdmin ? readChannelsPage() : Promise.resolve([])]);
  return (
    <>
      <PageHeader title="Notifications" description="Portside tells people about plan runs, failed or rolled-back deployments, crash-looping tasks and scaling limits." />
      <div className="space-y-5">
        <Card>
          <CardHeader title="My e-mail notifications" description={`Sent to ${me.email} through an e-mail channel an admin set up.`} />
          <CardBody className="space-y-3">
            {mine.subscriptions.length > 0 && (
              <ul className="space-y-1 text-sm">
                {mine.subscriptions.map((s) => (
                  <li key={s.id} className="flex flex-wrap items-center gap-2" data-testid="my-subscription">
                    <span>{s.events.map(eventLabel).join(", ")}</span>
                    <span className="text-xs text-ink-muted">via {s.channelName} · {s.connectionName ?? "every connection"} · {s.cluster ?? "every cluster"}</span>
                    <ActionButton action={removeMySubscriptionAction} fields={{ id: s.id }} label="Remove" ariaLabel="Remove my subscription" variant="ghost" />
                  </li>
                ))}
              </ul>
            )}
            {mine.emailChannels.length === 0
              ? <EmptyState title="No e-mail channel yet" description="Ask an admin to add an e-mail (SMTP) channel in Settings → Notifications; then subscribe here." />
              : <SubscriptionForm action={addMySubscriptionAction} label="Subscribe me" channels={mine.emailChannels} connections={mine.connections} />}
          </CardBody>
        </Card>
        {isAdmin && (
          <>
            <h2 className="text-base font-semibold">Channels</h2>
            {channels.length === 0 && <EmptyState title="No channels yet" description="Add a Slack webhook, an SMTP server or a signed webhook below, send a test, then subscribe it to events." />}
            {channels.map((c) => <ChannelCard key={c.id} channel={c} connections={mine.connections} />)}
            <Card>
              <CardHeader title="Add a channel" description="Secrets (webhook URLs, the SMTP password, the signing secret) are stored encrypted and never shown again." />
              <CardBody><ChannelForm initial={EMPTY_CHANNEL} /></CardBody>
            </Card>
          </>
        )}
      </div>
    </>
  );
}
