import "server-only";
import { db } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "./chain";

export type AccountAction =
  | "user.create"
  | "user.update"
  | "user.password.change"
  | "user.password.reset"
  | "login.locked"
  | "connection.create"
  | "connection.update"
  | "session.end"
  | "audit.export"
  | "notification-channel.save"
  | "notification-channel.delete"
  | "user.2fa.enable"
  | "user.2fa.disable"
  | "user.2fa.reset"
  | "user.2fa.recovery";

/** What the "Account changes" list says for each action. */
export const ACCOUNT_ACTION_LABELS: Record<AccountAction, string> = {
  "user.create": "created user",
  "user.update": "changed role or state of",
  "user.password.change": "changed own password",
  "user.password.reset": "reset the password of",
  "login.locked": "sign-in locked for",
  "connection.create": "added connection",
  "connection.update": "changed connection",
  "session.end": "signed out sessions of",
  "audit.export": "exported the audit history",
  "notification-channel.save": "saved notification channel",
  "notification-channel.delete": "deleted notification channel",
  "user.2fa.enable": "turned on two-factor sign-in for",
  "user.2fa.disable": "turned off two-factor sign-in for",
  "user.2fa.reset": "reset two-factor sign-in of",
  "user.2fa.recovery": "signed in with a recovery code",
};

/** Appends one account change; `actor` is null for events nobody signed in caused (a lockout). */
export async function recordAccountEvent(args: {
  actor: { id: string; email: string } | null;
  action: AccountAction;
  target?: string;
  detail?: Prisma.InputJsonValue;
}): Promise<void> {
  await appendAuditEvent({
    actorId: args.actor?.id ?? null,
    actorEmail: args.actor?.email ?? "(sign-in)",
    action: args.action,
    target: args.target ?? null,
    detail: args.detail,
  });
}

export const ACCOUNT_EVENTS_SHOWN = 100;

/** The newest account changes first, bounded so the page never renders an unbounded list. */
export async function recentAccountEvents() {
  return db().auditEvent.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], take: ACCOUNT_EVENTS_SHOWN });
}
