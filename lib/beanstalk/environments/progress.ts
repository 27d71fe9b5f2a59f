import type { InstanceHealth } from "./reads";

export type RolloutProgress = { versionLabel: string; done: number; total: number; versions: { label: string; count: number }[] };

/**
 * How far a deployment has got, from the instances' own deployment records (enhanced health): the
 * version of the newest deployment id is the one being rolled out; each batch that finishes moves
 * its instances to it. Null when no instance reports a deployment.
 */
export function rolloutProgress(instances: InstanceHealth[]): RolloutProgress | null {
  const deployed = instances.filter((i) => i.versionLabel);
  if (deployed.length === 0) return null;
  const newest = deployed.reduce((a, b) => ((b.deploymentId ?? 0) > (a.deploymentId ?? 0) ? b : a));
  const counts = new Map<string, number>();
  for (const i of deployed) counts.set(i.versionLabel!, (counts.get(i.versionLabel!) ?? 0) + 1);
  return {
    versionLabel: newest.versionLabel!,
    done: deployed.filter((i) => i.versionLabel === newest.versionLabel && i.deploymentStatus !== "InProgress").length,
    total: instances.length,
    versions: [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
  };
}
