import { ButtonLink } from "@/components/ui/button";

/** Service page header: start the create wizard from this service's settings. */
export function DuplicateServiceLink({ cluster, service }: { cluster: string; service: string }) {
  return (
    <ButtonLink variant="secondary" href={`/ecs/clusters/${encodeURIComponent(cluster)}/services/new?from=${encodeURIComponent(service)}`}>
      Duplicate
    </ButtonLink>
  );
}
