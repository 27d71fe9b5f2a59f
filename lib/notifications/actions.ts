"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/core/actions/action";
import { recordAccountEvent } from "@/lib/core/audit/account-events";
import { db } from "@/lib/core/db/client";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import { sendTestEvent } from "./events";
import { sandboxMode } from "./policy";
import { channelIdSchema, channelSchema, idSchema, mySubscriptionSchema, subscriptionSchema } from "./schema";
import { getChannelRow, saveChannel } from "./store";

const PAGE = "/settings/notifications";

/** Stored secrets are kept unless replaced, and never come back in the answer. */
export const saveChannelAction = defineAction({
  role: "admin",
  fresh: true,
  does: "manage notification channels",
  // The mode is read when a form is parsed (at run time, not when the module is built).
  schema: channelSchema(sandboxMode),
  run: async (input, { user }) => {
    const saved = await saveChannel(input);
    await recordAccountEvent({ actor: user, action: "notification-channel.save", target: saved.name, detail: { kind: input.kind, created: saved.created } });
    revalidatePath(PAGE);
    return { ok: true, message: `Saved channel "${saved.name}".`, data: { id: saved.id } };
  },
});

export const deleteChannelAction = defineAction({
  role: "admin",
  does: "manage notification channels",
  schema: idSchema,
  run: async ({ id }, { user }) => {
    const row = await getChannelRow(id);
    await db().notificationChannel.delete({ where: { id } });
    await recordAccountEvent({ actor: user, action: "notification-channel.delete", target: row.name });
    revalidatePath(PAGE);
    return { ok: true, message: `Deleted channel "${row.name}".` };
  },
});

export const toggleChannelAction = defineAction({
  role: "admin",
  does: "manage notification channels",
  schema: idSchema,
  run: async ({ id }) => {
    const row = await getChannelRow(id);
    await db().notificationChannel.update({ where: { id }, data: { enabled: !row.enabled } });
    revalidatePath(PAGE);
    return { ok: true, message: `${row.name} ${row.enabled ? "paused" : "enabled"}.` };
  },
});

const SEND_TEST_WAIT_MS = 12_000;

/** Queues a test message and waits (briefly) for its first attempt, so the button can say how it went. */
export const sendTestAction = defineAction({
  role: "admin",
  does: "manage notification channels",
  schema: channelIdSchema,
  run: async ({ channelId }, { user }) => {
    await getChannelRow(channelId);
    const deliveryId = await sendTestEvent(channelId, user.email);
    const deadline = Date.now() + SEND_TEST_WAIT_MS;
    while (Date.now() < deadline) {
      const d = await db().notificationDelivery.findUnique({ where: { id: deliveryId } });
      if (d && d.attempts > 0) {
        revalidatePath(PAGE);
        return d.status === "succeeded"
          ? { ok: true, message: `Test delivered${d.responseCode ? ` (${d.responseCode})` : ""}.` }
          : { ok: false, message: `Test failed: ${d.lastError ?? "no answer"}${d.status === "retrying" ? " — retrying; see the delivery log." : ""}` };
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    revalidatePath(PAGE);
    return { ok: true, message: "Test queued; its outcome will show in the delivery log." };
  },
});

export const addSubscriptionAction = defineAction({
  role: "admin",
  does: "manage notification channels",
  schema: subscriptionSchema,
  run: async (input) => {
    await getChannelRow(input.channelId);
    if (input.connectionId && !(await db().connection.findUnique({ where: { id: input.connectionId } }))) throw new NotFoundError("The connection");
    await db().notificationSubscription.create({ data: { channelId: input.channelId, events: input.events, connectionId: input.connectionId || null, cluster: input.cluster || null } });
    revalidatePath(PAGE);
    return { ok: true, message: "Subscription added." };
  },
});

export const removeSubscriptionAction = defineAction({
  role: "admin",
  does: "manage notification channels",
  schema: idSchema,
  run: async ({ id }) => {
    await db().notificationSubscription.deleteMany({ where: { id, userId: null } });
    revalidatePath(PAGE);
    return { ok: true, message: "Subscription removed." };
  },
});

/** Anyone signed in may have Portside e-mail them, through an SMTP channel an admin set up. */
export const addMySubscriptionAction = defineAction({
  role: "viewer",
  does: "subscribe to notifications",
  schema: mySubscriptionSchema,
  run: async (input, { user }) => {
    const channel = await getChannelRow(input.channelId);
    if (channel.kind !== "smtp" || !channel.enabled) throw new ConflictError("Personal subscriptions go through an enabled e-mail channel.");
    await db().notificationSubscription.create({ data: { channelId: channel.id, userId: user.id, events: input.events, connectionId: input.connectionId || null, cluster: input.cluster || null } });
    revalidatePath(PAGE);
    return { ok: true, message: `You will get these by e-mail at ${user.email}.` };
  },
});

export const removeMySubscriptionAction = defineAction({
  role: "viewer",
  does: "subscribe to notifications",
  schema: idSchema,
  run: async ({ id }, { user }) => {
    await db().notificationSubscription.deleteMany({ where: { id, userId: user.id } });
    revalidatePath(PAGE);
    return { ok: true, message: "Subscription removed." };
  },
});
