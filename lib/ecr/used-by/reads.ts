import "server-only";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { mapLimit } from "@/lib/core/aws/batches";
import { live, liveKey } from "@/lib/core/live/shared";
import { readClusterShared, readOverviewShared } from "@/lib/ecs/services/fleet-live";
import { describeTaskDefinition, listFamilies } from "@/lib/ecs/task-definitions/reads";
import { namesImage, namesRepository, type ContainerImage, type ImageRef } from "./match";

// Bounds of the index: the active families (at most this many), the latest few revisions of each,
// plus every revision a service runs. A task definition never changes, so each is read once an hour.
export const MAX_FAMILIES = 50;
export const REVISIONS_PER_FAMILY = 3;
const CONCURRENCY = 4;
const INDEX_TTL_MS = 30_000;
const REVISION_TTL_MS = 3_600_000;

type ServiceRef = { cluster: string; service: string; taskDefinition: string };
export type ImageIndex = { containers: ContainerImage[]; services: ServiceRef[]; families: number; truncated: boolean };
export type UsedBy = { revisions: ContainerImage[]; services: (ServiceRef & { container: string; image: string })[]; truncated: boolean };

function containersOf(conn: ConnectionSettings, region: string, ref: string): Promise<ContainerImage[]> {
  return live.cache.get(liveKey(conn, region, "ecs", "task-definition-images", ref), REVISION_TTL_MS, async () => {
    const td = await describeTaskDefinition(conn, region, ref);
    if (!td) return [];
    const view = td as unknown as { family: string; revision: number; containerDefinitions?: { name?: string; image?: string }[] };
    return (view.containerDefinitions ?? []).map((c) => ({ family: view.family, revision: view.revision, container: c.name ?? "", image: c.image ?? "" }));
  });
}

async function buildIndex(conn: ConnectionSettings, region: string): Promise<ImageIndex> {
  const families = await listFamilies(conn, region);
  const overview = await readOverviewShared(conn, region);
  const clusters = await mapLimit(overview.clusters, CONCURRENCY, (c) => readClusterShared(conn, region, c.name));
  const services = clusters.flatMap((c, i) => c.services.map((s) => ({ cluster: overview.clusters[i]!.name, service: s.name, taskDefinition: s.taskDefinition })));
  const refs = new Set<string>();
  for (const f of families.slice(0, MAX_FAMILIES)) {
    for (let r = f.latestRevision; r > Math.max(0, f.latestRevision - REVISIONS_PER_FAMILY); r--) refs.add(`${f.family}:${r}`);
  }
  for (const s of services) refs.add(s.taskDefinition);
  const containers = (await mapLimit([...refs], CONCURRENCY, (ref) => containersOf(conn, region, ref))).flat();
  return { containers, services, families: families.length, truncated: families.length > MAX_FAMILIES };
}

/** Every container image of the task definitions Portside reads (bounded), and the services' revisions. */
export function readImageIndex(conn: ConnectionSettings, region: string): Promise<ImageIndex> {
  return live.cache.get(liveKey(conn, region, "ecr", "used-by-index"), INDEX_TTL_MS, () => buildIndex(conn, region));
}

function usedBy(index: ImageIndex, matches: (image: string) => boolean): UsedBy {
  const revisions = index.containers.filter((c) => matches(c.image)).sort((a, b) => a.family.localeCompare(b.family) || b.revision - a.revision);
  const services = index.services.flatMap((s) =>
    revisions.filter((c) => `${c.family}:${c.revision}` === s.taskDefinition).map((c) => ({ ...s, container: c.container, image: c.image })),
  );
  return { revisions, services, truncated: index.truncated };
}

/** The revisions and services whose containers run this image (by tag or digest). */
export async function imageUsedBy(conn: ConnectionSettings, region: string, ref: ImageRef): Promise<UsedBy> {
  return usedBy(await readImageIndex(conn, region), (image) => namesImage(image, ref));
}

/** The revisions and services whose containers run any image of this repository. */
export async function repositoryUsedBy(conn: ConnectionSettings, region: string, uri: string): Promise<UsedBy> {
  return usedBy(await readImageIndex(conn, region), (image) => namesRepository(image, uri));
}
