import type { ExpressService } from "@/lib/express/reads";

export type ExpressSuccessor = {
  name: string;
  cluster: string;
  status: string;
  url: string | null;
  running: number;
  desired: number;
  /** Active, and running every task it wants (at least one): time to pause the App Runner service. */
  healthy: boolean;
  href: string;
};

/**
 * The Express Mode service that took over from an App Runner service: "Move to Express
 * Mode" prefills the same name, so a live Express service of that name in the region is
 * taken as the successor.
 */
export function findExpressSuccessor(appRunnerName: string, services: ExpressService[]): ExpressSuccessor | null {
  const s = services.find((e) => e.name === appRunnerName && e.status !== "INACTIVE");
  if (!s) return null;
  const running = s.ecs?.running ?? 0;
  const desired = s.ecs?.desired ?? 0;
  return {
    name: s.name,
    cluster: s.cluster,
    status: s.status,
    url: s.url ?? null,
    running,
    desired,
    healthy: s.status === "ACTIVE" && running >= Math.max(1, desired),
    href: `/ecs/express/${encodeURIComponent(s.cluster)}/${encodeURIComponent(s.name)}`,
  };
}
