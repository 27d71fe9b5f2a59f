import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";
import { eventLabel } from "@/lib/notifications/event-types";
import type { DeliveryView } from "@/lib/notifications/reads";

const TONE: Record<string, BadgeTone> = { succeeded: "green", failed: "red", retrying: "yellow", pending: "blue" };

/** The channel's newest deliveries: what was sent, how it went, and why not. */
export function DeliveryLog({ channelName, deliveries }: { channelName: string; deliveries: DeliveryView[] }) {
  if (deliveries.length === 0) {
    return <EmptyState title="Nothing delivered yet" description="Send a test, or subscribe this channel to events; every attempt shows here." />;
  }
  return (
    <Table aria-label={`Delivery log of ${channelName}`}>
      <THead><Tr><Th>Event</Th><Th>Status</Th><Th>Attempts</Th><Th>Response</Th><Th>Last error</Th><Th>When</Th></Tr></THead>
      <TBody>
        {deliveries.map((d) => (
          <Tr key={d.id} data-testid="delivery-row">
            <Td>
              <span className="font-medium">{eventLabel(d.eventType)}</span>
              <span className="block text-xs text-ink-muted">{d.eventTitle}{d.recipient ? ` → ${d.recipient}` : ""}</span>
            </Td>
            <Td><Badge tone={TONE[d.status] ?? "neutral"} data-testid="delivery-status">{d.status}</Badge></Td>
            <Td data-testid="delivery-attempts">{d.attempts}</Td>
            <Td className="font-mono text-xs">{d.responseCode ?? "—"}</Td>
            <Td className="max-w-xs break-words text-xs text-ink-muted">{d.lastError ?? ""}</Td>
            <Td className="whitespace-nowrap"><RelativeTime date={d.updatedAt} /></Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
