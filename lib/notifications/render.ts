import { eventLabel } from "./event-types";

/** An event as every channel renders it. `detail` holds plain strings and numbers only. */
export type NotificationMessage = {
  id: string;
  type: string;
  title: string;
  at: Date;
  detail: Record<string, string | number | null>;
  /** Absolute link to the page about it, when Portside knows its own address. */
  url?: string;
};

const DETAIL_ORDER = ["connection", "region", "cluster", "service", "run", "deployment", "taskDefinition", "reason", "error", "desired", "max", "stoppedTasks"];
const DETAIL_MAX = 500;

const clip = (s: string) => (s.length > DETAIL_MAX ? `${s.slice(0, DETAIL_MAX - 1)}…` : s);

function detailLines(detail: NotificationMessage["detail"]): [string, string][] {
  const keys = Object.keys(detail).sort((a, b) => (DETAIL_ORDER.indexOf(a) + 1 || 99) - (DETAIL_ORDER.indexOf(b) + 1 || 99));
  return keys.filter((k) => detail[k] !== null && detail[k] !== "").map((k) => [k, clip(String(detail[k]))]);
}

/** Slack's mrkdwn treats &, < and > as control characters; everything else is literal. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function subjectOf(m: NotificationMessage): string {
  return `[Portside] ${eventLabel(m.type)}: ${m.title}`.replace(/[\r\n]+/g, " ").slice(0, 200);
}

export function plainText(m: NotificationMessage): string {
  const lines = [`${eventLabel(m.type)}: ${m.title}`, "", ...detailLines(m.detail).map(([k, v]) => `${k}: ${v}`), "", `at ${m.at.toISOString()}`];
  if (m.url) lines.push(m.url);
  return lines.join("\n");
}

/** A Slack incoming-webhook body (also what Mattermost, Rocket.Chat and Teams' Slack mode accept). */
export function slackPayload(m: NotificationMessage): { text: string } {
  const head = `*${slackEscape(eventLabel(m.type))}*: ${slackEscape(m.title)}`;
  const body = detailLines(m.detail).map(([k, v]) => `• ${slackEscape(k)}: ${slackEscape(v)}`);
  const link = m.url ? [`<${m.url}|Open in Portside>`] : [];
  return { text: [head, ...body, ...link].join("\n") };
}

/** The generic webhook's JSON body (signed as sent, byte for byte). */
export function webhookBody(m: NotificationMessage): string {
  return JSON.stringify({ id: m.id, type: m.type, title: m.title, at: m.at.toISOString(), detail: m.detail, ...(m.url ? { url: m.url } : {}) });
}
