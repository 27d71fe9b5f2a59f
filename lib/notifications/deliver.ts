import "server-only";
import { db } from "@/lib/core/db/client";
import { MAX_ATTEMPTS } from "./queue";
import { plainText, slackPayload, subjectOf, webhookBody, type NotificationMessage } from "./render";
import { postJson, sendMail, SendError } from "./send";
import { SIGNATURE_HEADER, signatureHeader } from "./signing";
import { openSecrets, type SmtpSettings } from "./store";
import { sandboxMode } from "./policy";

const ERROR_MAX = 500;

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

function load(id: string) {
  return db().notificationDelivery.findUnique({ where: { id }, include: { channel: true, event: true } });
}

function messageOf(d: Loaded): NotificationMessage {
  const base = process.env.PORTSIDE_PUBLIC_URL?.replace(/\/$/, "");
  const detail = d.event.detail as NotificationMessage["detail"];
  const runId = typeof detail.run === "string" ? detail.run : null;
  return { id: d.event.id, type: d.event.type, title: d.event.title, at: d.event.at, detail, ...(base && runId ? { url: `${base}/history/${runId}` } : {}) };
}

/** One attempt at one channel; resolves with the response code. */
async function sendOnce(d: Loaded): Promise<number> {
  const channel = d.channel;
  const secrets = openSecrets(channel.secretCipher);
  const policy = { allowPrivate: channel.allowPrivateTargets, allowLoopback: sandboxMode() };
  const message = messageOf(d);
  if (channel.kind === "slack") return postJson(secrets.url ?? "", JSON.stringify(slackPayload(message)), {}, policy);
  if (channel.kind === "webhook") {
    const body = webhookBody(message);
    const headers = { [SIGNATURE_HEADER]: signatureHeader(secrets.hmacSecret ?? "", body, Math.floor(Date.now() / 1000)), "Portside-Event-Id": message.id, "Portside-Event-Type": message.type };
    return postJson(secrets.url ?? "", body, headers, policy);
  }
  const s = channel.settings as SmtpSettings;
  const to = d.recipient ? [d.recipient] : s.to;
  return sendMail({ host: s.host, port: s.port, tlsMode: s.tlsMode, user: s.user, password: secrets.smtpPassword, from: s.from }, to, subjectOf(message), plainText(message), policy);
}

/**
 * The delivery job: one attempt, recorded in the delivery log before the job ends. A failure
 * throws so pg-boss retries it with backoff, until the last attempt, which is recorded as failed.
 * A refused target or a 4xx is not retried: it will not get better by itself.
 */
export async function deliver(deliveryId: string): Promise<void> {
  const d = await load(deliveryId);
  if (!d || d.status === "succeeded" || d.status === "failed") return;
  const attempts = d.attempts + 1;
  if (!d.channel.enabled) {
    await db().notificationDelivery.update({ where: { id: d.id }, data: { status: "failed", attempts, lastError: "The channel is disabled." } });
    return;
  }
  try {
    const code = await sendOnce(d);
    await db().notificationDelivery.update({ where: { id: d.id }, data: { status: "succeeded", attempts, responseCode: code, lastError: null } });
  } catch (error) {
    const e = error instanceof SendError ? error : new SendError(error instanceof Error ? error.message : String(error), null);
    const final = e.permanent || attempts >= MAX_ATTEMPTS;
    await db().notificationDelivery.update({
      where: { id: d.id },
      data: { status: final ? "failed" : "retrying", attempts, responseCode: e.code, lastError: e.message.slice(0, ERROR_MAX) },
    });
    if (!final) throw e;
  }
}
