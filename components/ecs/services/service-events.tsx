"use client";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/time";
import type { LiveEvent } from "@/lib/ecs/services/live";
import { VirtualRows } from "./virtual-rows";
import { plural } from "@/lib/core/format/plural";

/** The service's event messages, newest first, as ECS writes them (it keeps the last 100). */
export function ServiceEvents({ events }: { events: LiveEvent[] }) {
  return (
    <Card>
      <CardHeader title="Events" description={events.length ? `${plural(events.length, "event")}, newest first (ECS keeps the last 100)` : undefined} />
      <CardBody className="p-0">
        {events.length === 0 ? (
          <p className="px-4 py-3 text-sm text-ink-muted">No events yet: ECS writes one when it starts or stops tasks and when the service reaches a steady state.</p>
        ) : (
          <VirtualRows
            aria-label="Service events"
            items={events}
            getKey={(e) => e.id || `${e.at}:${e.message}`}
            estimate={36}
            render={(e) => (
              <div className="flex gap-3 border-b border-line-subtle px-4 py-2 text-sm" data-testid="service-event">
                <span className="w-24 shrink-0 text-xs whitespace-nowrap text-ink-muted">{e.at ? <RelativeTime date={e.at} /> : "—"}</span>
                <span className="min-w-0 break-words">{e.message}</span>
              </div>
            )}
          />
        )}
      </CardBody>
    </Card>
  );
}
