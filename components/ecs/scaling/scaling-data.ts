import "server-only";
import { getServiceScaling, type ServiceScaling } from "@/lib/ecs/scaling/reads";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { getServiceDetail } from "@/lib/ecs/services/reads";
import { live, liveKey } from "@/lib/core/live/shared";

/** What the Scaling tab shows live: Application Auto Scaling's view plus the service's counts now. */
export type ScalingSnapshot = ServiceScaling & { desired: number; running: number; pending: number };

/** Application Auto Scaling changes slowly (alarms evaluate each minute): every 10 s feels live. */
export const SCALING_POLL_MS = 10_000;

export const scalingKey = (conn: ConnectionSettings, region: string, cluster: string, service: string) => liveKey(conn, region, "appautoscaling", "service", cluster, service);

/** One read of the snapshot (5–6 Application Auto Scaling / CloudWatch calls and one DescribeServices). */
export async function readScalingSnapshot(conn: ConnectionSettings, region: string, cluster: string, service: string): Promise<ScalingSnapshot> {
  const [scaling, detail] = await Promise.all([getServiceScaling(conn, region, cluster, service), getServiceDetail(conn, region, cluster, service)]);
  return { ...scaling, desired: detail?.desired ?? 0, running: detail?.running ?? 0, pending: detail?.pending ?? 0 };
}

/** The page render shares the read with the live stream's first poll (same key). */
export function readScalingSnapshotShared(conn: ConnectionSettings, region: string, cluster: string, service: string): Promise<ScalingSnapshot> {
  return live.cache.get(scalingKey(conn, region, cluster, service), 2000, () => readScalingSnapshot(conn, region, cluster, service));
}
