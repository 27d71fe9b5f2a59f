import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";
import { plural } from "@/lib/core/format/plural";
import { ACCOUNT_ACTION_LABELS, type AccountAction } from "@/lib/core/audit/account-events";

export type AccountEventView = {
  id: string;
  at: Date;
  actorEmail: string;
  action: string;
  target: string | null;
  detail: unknown;
};

/** "role viewer → operator, disabled" and the like: what the detail adds to the headline. */
function describe(event: AccountEventView): ReactNode {
  const d = (event.detail ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (event.action === "user.create" && typeof d.role === "string") parts.push(`as ${d.role}`);
  if (Array.isArray(d.role) && d.role[0] !== d.role[1]) parts.push(`role ${d.role[0]} → ${d.role[1]}`);
  if (Array.isArray(d.disabled) && d.disabled[0] !== d.disabled[1]) parts.push(d.disabled[1] ? "disabled" : "enabled");
  if (d.generated === true) parts.push("generated password");
  if (typeof d.endedSessions === "number" && d.endedSessions > 0) parts.push(`${plural(d.endedSessions, "session")} ended`);
  if (event.action === "login.locked" && typeof d.kind === "string") parts.push(`${d.kind}, 15 min`);
  if (event.action.startsWith("connection.")) {
    for (const [field, change] of Object.entries(d)) {
      if (change === "changed") parts.push(`${field} changed`);
      else if (change && typeof change === "object" && "after" in change) {
        const { before, after } = change as { before: unknown; after: unknown };
        parts.push(before === null ? `${field} ${shown(after)}` : `${field} ${shown(before)} → ${shown(after)}`);
      }
    }
  }
  return parts.join(", ");
}

const shown = (value: unknown) => (value === null || value === undefined ? "none" : Array.isArray(value) ? value.join(" ") : String(value));

export function AccountEvents({ events, limit, label = "Account changes", subject = "Account" }: { events: AccountEventView[]; limit: number; label?: string; subject?: string }) {
  if (events.length === 0) return <EmptyState title={`No ${label.toLowerCase()} yet`} />;
  return (
    <>
      <Table aria-label={label}>
        <THead><Tr><Th>When</Th><Th>Who</Th><Th>What</Th><Th>{subject}</Th><Th>Details</Th></Tr></THead>
        <TBody>
          {events.map((e) => (
            <Tr key={e.id}>
              <Td title={e.at.toISOString()}><RelativeTime date={e.at} /></Td>
              <Td>{e.actorEmail}</Td>
              <Td>{ACCOUNT_ACTION_LABELS[e.action as AccountAction] ?? e.action}</Td>
              <Td>{e.target ?? "—"}</Td>
              <Td className="text-ink-muted">{describe(e)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {events.length >= limit && <p className="mt-2 text-xs text-ink-muted">The last {limit} changes.</p>}
    </>
  );
}
