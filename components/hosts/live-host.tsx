"use client";

import { LiveIndicator } from "@/components/live/live-indicator";
import { useLiveStream } from "@/components/live/use-live-stream";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { LiveHost } from "@/lib/hosts/live-view";
import { HostActions } from "./host-actions";
import { HostOverview } from "./host-overview";

type Props = {
  initial: LiveHost;
  streamUrl: string;
  context: { connectionId: string; region: string };
  canOperate: boolean;
  /** The Replace container form, rendered on the server; shown only while the host runs. */
  replaceForm?: ReactNode;
};

/** The host's state, checks, addresses and container, following EC2 without a reload; the actions follow the state. */
export function LiveHostView({ initial, streamUrl, context, canOperate, replaceForm }: Props) {
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
      {replaceForm && value.state !== "terminated" && (
        <Card>
          <CardHeader title="Replace container" description="Pull a new image and run it in place of the current container, through SSM Run Command. Nothing runs until you confirm the reviewed command." />
          <CardBody>
            {value.state === "running" ? (
              replaceForm
            ) : (
              <p className="text-sm text-ink-muted" data-testid="replace-unavailable">
                The host is {value.state}: SSM Run Command reaches only a running instance, so the container can be replaced once the host runs again. Start it above; this form comes back by itself.
              </p>
            )}
          </CardBody>
        </Card>
      )}
    </div>
  );
}
