"use client";

import { LiveIndicator } from "@/components/live/live-indicator";
import { useLiveStream } from "@/components/live/use-live-stream";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import type { LiveHost } from "@/lib/hosts/live-view";
import { HostActions } from "./host-actions";
import { HostOverview } from "./host-overview";

type Props = { initial: LiveHost; streamUrl: string; context: { connectionId: string; region: string }; canOperate: boolean };

/** The host's state, checks, addresses and container, following EC2 without a reload; the actions follow the state. */
export function LiveHostView({ initial, streamUrl, context, canOperate }: Props) {
  const { value, status, error, at, pause, resume } = useLiveStream<LiveHost | null>(streamUrl, initial);
  if (!value) {
    return <EmptyState title="EC2 no longer reports this host" description="A terminated instance disappears from EC2 about an hour after it ends. The history keeps what Portside did to it." />;
  }
  return (
    <div className="space-y-4">
      <LiveIndicator status={status} at={at} onPause={pause} onResume={resume} />
      {error && (
        <Alert tone="warning" title="Showing the last good read">
          <p>{error.message}</p>
          {error.requestId && <p className="mt-1 font-mono text-xs">Request id: {error.requestId}</p>}
        </Alert>
      )}
      {canOperate && value.state !== "terminated" && (
        <HostActions connectionId={context.connectionId} region={context.region} instanceId={value.instanceId} hostName={value.name} state={value.state} managed={value.managed} />
      )}
      <HostOverview host={value} />
    </div>
  );
}
