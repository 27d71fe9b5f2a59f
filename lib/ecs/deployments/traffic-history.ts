/** One observation of a traffic-shifting deployment: green's share of production traffic and the stage. */
export type TrafficPoint = { at: string; green: number; stage: string };

/** Points kept per deployment: the first (the start) and the newest. */
export const MAX_TRAFFIC_POINTS = 120;
/** How long points are kept: ECS keeps service deployments 90 days. */
export const TRAFFIC_RETENTION_DAYS = 90;

/** Whether an observation is a new step: the share or the stage changed since the last point. */
export function isNewStep(last: Pick<TrafficPoint, "green" | "stage"> | undefined, green: number, stage: string): boolean {
  return !last || last.green !== green || last.stage !== stage;
}

/**
 * The points of a deployment numbered 0…newest that drop out when `newest` is added: all but the
 * first and the newest MAX_TRAFFIC_POINTS − 1, as a range of seq (empty when from > to).
 */
export function droppedRange(newest: number): { from: number; to: number } {
  return { from: 1, to: newest - (MAX_TRAFFIC_POINTS - 1) };
}

/** When the bake ends: from the first observation of BAKE_TIME plus the bake time; null when not baking or never seen. */
export function bakeEndsAt(points: TrafficPoint[], bakeMinutes: number | undefined): string | null {
  const start = points.find((p) => p.stage === "BAKE_TIME");
  if (!start || points.at(-1)?.stage !== "BAKE_TIME") return null;
  return new Date(Date.parse(start.at) + (bakeMinutes ?? 0) * 60_000).toISOString();
}
