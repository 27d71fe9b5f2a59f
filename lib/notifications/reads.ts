import "server-only";
import { db } from "@/lib/core/db/client";
import { listChannelViews, type ChannelView } from "./store";

/** Rows of a channel's delivery log on the page; older ones stay in the database. */
export const DELIVERIES_SHOWN = 25;

export type SubscriptionView = { id: string; events: string[]; connectionName: string | null; cluster: string | null };
export type DeliveryView = {
  id: string; eventType: string; eventTitle: string; recipient: string | null; status: string; attempts: number;
  responseCode: number | null; lastError: string | null; updatedAt: Date;
};
export type ChannelPage = ChannelView & { subscriptions: SubscriptionView[]; deliveries: DeliveryView[] };

async function connectionNames(): Promise<Map<string, string>> {
  return new Map((await db().connection.findMany({ select: { id: true, name: true } })).map((c) => [c.id, c.name]));
}

function toSubscription(s: { id: string; events: string[]; connectionId: string | null; cluster: string | null }, names: Map<string, string>): SubscriptionView {
  return { id: s.id, events: s.events, connectionName: s.connectionId ? (names.get(s.connectionId) ?? "(deleted connection)") : null, cluster: s.cluster };
}

/** Everything the admin's Notifications page shows: channels (secrets as "set"), subscriptions, delivery logs. */
export async function readChannelsPage(): Promise<ChannelPage[]> {
  const [channels, names] = await Promise.all([listChannelViews(), connectionNames()]);
  return Promise.all(channels.map(async (c) => {
    const [subs, deliveries] = await Promise.all([
      db().notificationSubscription.findMany({ where: { channelId: c.id, userId: null }, orderBy: { createdAt: "asc" } }),
      db().notificationDelivery.findMany({ where: { channelId: c.id }, orderBy: { createdAt: "desc" }, take: DELIVERIES_SHOWN, include: { event: true } }),
    ]);
    return {
      ...c,
      subscriptions: subs.map((s) => toSubscription(s, names)),
      deliveries: deliveries.map((d) => ({
        id: d.id, eventType: d.event.type, eventTitle: d.event.title, recipient: d.recipient, status: d.status, attempts: d.attempts,
        responseCode: d.responseCode, lastError: d.lastError, updatedAt: d.updatedAt,
      })),
    };
  }));
}

/** What anyone may see: their own e-mail subscriptions and the e-mail channels they can use. */
export async function readMyNotifications(userId: string) {
  const [mine, channels, names, connections] = await Promise.all([
    db().notificationSubscription.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, include: { channel: { select: { name: true } } } }),
    db().notificationChannel.findMany({ where: { kind: "smtp", enabled: true }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    connectionNames(),
    db().connection.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    subscriptions: mine.map((s) => ({ ...toSubscription(s, names), channelName: s.channel.name })),
    emailChannels: channels,
    connections,
  };
}
