import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

/**
 * The move: create an Express Mode service from this service's configuration, check it
 * is healthy, then pause this one (kept, not deleted, so moving back is one Resume away).
 */
export function MoveToExpress({ prefillHref, status }: { prefillHref: string; status: string }) {
  return (
    <Card>
      <CardHeader
        title="Move to ECS Express Mode"
        description="AWS recommends Express Mode for new web services: an ECS service on Fargate with its load balancer, HTTPS URL and auto scaling."
        actions={<ButtonLink href={prefillHref} variant="primary" size="sm">Move to Express Mode</ButtonLink>}
      />
      <CardBody>
        <ol className="list-decimal space-y-1 pl-5 text-sm">
          <li>Create the Express Mode service: the wizard opens with this service&apos;s image, port, CPU and memory, environment, health check path and instance range.</li>
          <li>Wait until the new service is active and its URL answers, then point your traffic (DNS) at it.</li>
          <li>
            Pause this App Runner service with <strong>Pause</strong> above{status === "PAUSED" ? " (it is paused now)" : ""}: it stops billing for compute and can be resumed if you need to move back. Delete it once you are sure.
          </li>
        </ol>
      </CardBody>
    </Card>
  );
}
