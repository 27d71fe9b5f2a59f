import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueDelivery } from "./queue";

export type NewEvent = {
  key: string;
  type: string;
  title: string;
  detail: Record<string, string | number | null>;
  connectionId?: string | null;
  cluster?: string | null;
};

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === "P2002";

/**
 * Records an event once and queues a delivery for every subscription that wants it. Every
 * process that notices the same thing computes the same key: the first insert wins, the others
 * stop here, so a deployment rolled back is told once however many Portside instances watch it.
 * Returns false when the event had been recorded already.
 */
export async function recordEvent(event: NewEvent): Promise<boolean> {
  let eventId: string;
  try {
    const row = await db().notificationEvent.create({
      data: { key: event.key, type: event.type, title: event.title, detail: event.detail as Prisma.InputJsonValue, connectionId: event.connectionId ?? null, cluster: event.cluster ?? null },
    });
    eventId = row.id;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
  const subs = await db().notificationSubscription.findMany({ where: { events: { has: event.type }, channel: { enabled: true } }, include: { channel: true } });
  const wanted = subs.filter((s) => (!s.connectionId || s.connectionId === event.connectionId) && (!s.cluster || s.cluster === event.cluster));
  const userIds = [...new Set(wanted.map((s) => s.userId).filter((u): u is string => Boolean(u)))];
  const users = new Map((await db().user.findMany({ where: { id: { in: userIds }, disabled: false } })).map((u) => [u.id, u.email]));
  const targets = new Map<string, { channelId: string; recipient: string | null }>();
  for (const s of wanted) {
    const recipient = s.userId ? (users.get(s.userId) ?? null) : null;
    if (s.userId && (!recipient || s.channel.kind !== "smtp")) continue;
    targets.set(`${s.channelId}|${recipient ?? ""}`, { channelId: s.channelId, recipient });
  }
  for (const t of targets.values()) await queueDelivery(eventId, t.channelId, t.recipient);
  return true;
}

async function queueDelivery(eventId: string, channelId: string, recipient: string | null): Promise<string> {
  const delivery = await db().notificationDelivery.create({ data: { eventId, channelId, recipient } });
  await enqueueDelivery(delivery.id);
  return delivery.id;
}

/** A test message to one channel (Send test): its own event, delivered like any other. */
export async function sendTestEvent(channelId: string, byEmail: string): Promise<string> {
  const event = await db().notificationEvent.create({
    data: { key: `test|${channelId}|${randomUUID()}`, type: "test", title: "Test message from Portside", detail: { requestedBy: byEmail } },
  });
  return queueDelivery(event.id, channelId, null);
}

/**
 * recordEvent for callers that must never fail because of notifications (the plan executor, the
 * live sweep): errors are logged and swallowed.
 */
export async function recordEventQuietly(event: NewEvent): Promise<void> {
  try {
    await recordEvent(event);
  } catch (error) {
    console.error(`[notifications] could not record ${event.type} (${event.key})`, error);
  }
}
