/** One observation of a traffic-shifting deployment: green's share of production traffic and the stage. */
export type TrafficPoint = { at: string; green: number; stage: string };

const MAX_DEPLOYMENTS = 200;
const MAX_POINTS = 120;

/**
 * The split's steps over time as this Portside process observed them (each read of the live view
 * that saw a new share or stage adds a point). AWS keeps no such history; a restart starts it
 * again, and a step shorter than the refresh interval may go unseen.
 */
export class TrafficHistory {
  #byDeployment = new Map<string, TrafficPoint[]>();

  observe(deploymentArn: string, green: number, stage: string, at = new Date()): TrafficPoint[] {
    let points = this.#byDeployment.get(deploymentArn);
    if (!points) {
      if (this.#byDeployment.size >= MAX_DEPLOYMENTS) this.#byDeployment.delete(this.#byDeployment.keys().next().value!);
      points = [];
      this.#byDeployment.set(deploymentArn, points);
    }
    const last = points.at(-1);
    if (!last || last.green !== green || last.stage !== stage) {
      points.push({ at: at.toISOString(), green, stage });
      if (points.length > MAX_POINTS) points.splice(1, 1); // keep the first (the start) and the newest
    }
    return [...points];
  }

  get(deploymentArn: string): TrafficPoint[] {
    return [...(this.#byDeployment.get(deploymentArn) ?? [])];
  }
}

/** When the bake ends: from the first observation of BAKE_TIME plus the bake time; null when not baking or never seen. */
export function bakeEndsAt(points: TrafficPoint[], bakeMinutes: number | undefined): string | null {
  const start = points.find((p) => p.stage === "BAKE_TIME");
  if (!start || points.at(-1)?.stage !== "BAKE_TIME") return null;
  return new Date(Date.parse(start.at) + (bakeMinutes ?? 0) * 60_000).toISOString();
}
