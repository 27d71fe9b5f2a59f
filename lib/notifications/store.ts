import "server-only";
import { db } from "@/lib/core/db/client";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import { open, seal } from "@/lib/core/security/secret-box";
import { splitAddresses, type ChannelInput } from "./schema";

export type ChannelKind = "slack" | "smtp" | "webhook";
export type SmtpSettings = { host: string; port: number; tlsMode: "starttls" | "tls" | "none"; user: string; from: string; to: string[] };
export type ChannelSettings = Partial<SmtpSettings>;
export type ChannelSecrets = { url?: string; hmacSecret?: string; smtpPassword?: string };

/** A channel as the browser may see it: its secrets only as "set" or not. */
export type ChannelView = {
  id: string;
  name: string;
  kind: ChannelKind;
  enabled: boolean;
  allowPrivateTargets: boolean;
  settings: ChannelSettings;
  secretsSet: { url: boolean; hmacSecret: boolean; smtpPassword: boolean };
};

const SECRET_KEYS: Record<ChannelKind, (keyof ChannelSecrets)[]> = { slack: ["url"], webhook: ["url", "hmacSecret"], smtp: ["smtpPassword"] };

export function openSecrets(cipher: string): ChannelSecrets {
  return JSON.parse(open(cipher)) as ChannelSecrets;
}

type Row = { id: string; name: string; kind: ChannelKind; enabled: boolean; allowPrivateTargets: boolean; settings: unknown; secretCipher: string };

function toView(row: Row): ChannelView {
  const secrets = openSecrets(row.secretCipher);
  return {
    id: row.id, name: row.name, kind: row.kind, enabled: row.enabled, allowPrivateTargets: row.allowPrivateTargets,
    settings: row.settings as ChannelSettings,
    secretsSet: { url: Boolean(secrets.url), hmacSecret: Boolean(secrets.hmacSecret), smtpPassword: Boolean(secrets.smtpPassword) },
  };
}

export async function listChannelViews(): Promise<ChannelView[]> {
  const rows = await db().notificationChannel.findMany({ orderBy: { name: "asc" } });
  return rows.map(toView);
}

export async function getChannelRow(id: string) {
  const row = await db().notificationChannel.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("The channel");
  return row;
}

/** Creates or updates a channel; empty secret fields keep what is stored. */
export async function saveChannel(input: ChannelInput): Promise<{ id: string; name: string; created: boolean }> {
  const before = input.id ? await getChannelRow(input.id) : null;
  const clash = await db().notificationChannel.findFirst({ where: { name: input.name, NOT: input.id ? { id: input.id } : undefined } });
  if (clash) throw new ConflictError(`A channel named "${input.name}" already exists.`);
  const old = before && before.kind === input.kind ? openSecrets(before.secretCipher) : {};
  const typed: ChannelSecrets = { url: input.urlSecret || undefined, hmacSecret: input.hmacSecret || undefined, smtpPassword: input.smtpPassword || undefined };
  const secrets = Object.fromEntries(SECRET_KEYS[input.kind].map((k) => [k, typed[k] ?? old[k]]).filter(([, v]) => v));
  const settings: ChannelSettings = input.kind === "smtp"
    ? { host: input.smtpHost, port: Number(input.smtpPort), tlsMode: input.tlsMode, user: input.smtpUser, from: input.fromAddress, to: splitAddresses(input.toAddresses) }
    : {};
  const data = { name: input.name, kind: input.kind, settings, secretCipher: seal(JSON.stringify(secrets)), allowPrivateTargets: input.allowPrivateTargets };
  const saved = before
    ? await db().notificationChannel.update({ where: { id: before.id }, data })
    : await db().notificationChannel.create({ data });
  return { id: saved.id, name: saved.name, created: !before };
}
