import "server-only";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import type { WatchSource } from "@/lib/core/live/hub";
import { liveKey } from "@/lib/core/live/shared";
import { toLiveHost, type LiveHost } from "./live-view";
import { getHost } from "./reads";

// A host changes state over seconds to minutes (pending, stopping, status checks initializing):
// every 5 s is live enough, and one poller serves every viewer on every instance.
const HOST_INTERVAL_MS = 5000;

export const liveHostKey = (conn: ConnectionSettings, region: string, instanceId: string) => liveKey(conn, region, "ec2", "live-host", instanceId);

/** The host as the browser sees it (no user data, no environment values), null once EC2 forgets it. */
export function liveHostSource(conn: ConnectionSettings, region: string, instanceId: string): WatchSource<LiveHost | null> {
  return {
    intervalMs: HOST_INTERVAL_MS,
    poll: async () => {
      const host = await getHost(conn, region, instanceId, 2000);
      return host ? toLiveHost(host) : null;
    },
  };
}
