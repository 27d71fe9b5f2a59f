import { ButtonLink } from "@/components/ui/button";

/** Cluster page header: start the cluster wizard from this cluster's capacity and settings. */
export function DuplicateClusterLink({ cluster }: { cluster: string }) {
  return <ButtonLink variant="secondary" href={`/ecs/clusters/new?from=${encodeURIComponent(cluster)}`}>Duplicate</ButtonLink>;
}
