import "server-only";
import { db } from "@/lib/core/db/client";
import { MAX_TRAFFIC_POINTS, TRAFFIC_RETENTION_DAYS, droppedRange, isNewStep, type TrafficPoint } from "./traffic-history";

const PRUNE_EVERY_MS = 60 * 60_000;
let lastPrune = 0;

const toPoint = (r: { at: Date; green: number; stage: string }): TrafficPoint => ({ at: r.at.toISOString(), green: r.green, stage: r.stage });

/** A deployment's points, oldest first. */
export async function trafficPoints(deploymentArn: string): Promise<TrafficPoint[]> {
  const rows = await db().deploymentTrafficPoint.findMany({ where: { deploymentArn }, orderBy: { seq: "asc" }, take: MAX_TRAFFIC_POINTS });
  return rows.map(toPoint);
}

/**
 * Records one observation of the split when it is a new step, in Postgres so that a restart or
 * another instance shows the same steps. Two instances seeing the same change race for the same
 * seq; the key lets one win. Returns the deployment's points after it.
 */
export async function observeTraffic(deploymentArn: string, green: number, stage: string, at = new Date()): Promise<TrafficPoint[]> {
  const last = await db().deploymentTrafficPoint.findFirst({ where: { deploymentArn }, orderBy: { seq: "desc" } });
  if (isNewStep(last ?? undefined, green, stage)) {
    const seq = last ? last.seq + 1 : 0;
    await db().deploymentTrafficPoint.createMany({ data: [{ deploymentArn, seq, green, stage, at }], skipDuplicates: true });
    const { from, to } = droppedRange(seq);
    if (to >= from) await db().deploymentTrafficPoint.deleteMany({ where: { deploymentArn, seq: { gte: from, lte: to } } });
  }
  await pruneTraffic(at);
  return trafficPoints(deploymentArn);
}

/** Drops points older than ECS keeps deployments, at most once an hour per process (or when forced). */
export async function pruneTraffic(now = new Date(), force = false): Promise<number> {
  if (!force && now.getTime() - lastPrune < PRUNE_EVERY_MS) return 0;
  lastPrune = now.getTime();
  const { count } = await db().deploymentTrafficPoint.deleteMany({ where: { at: { lt: new Date(now.getTime() - TRAFFIC_RETENTION_DAYS * 86_400_000) } } });
  return count;
}
