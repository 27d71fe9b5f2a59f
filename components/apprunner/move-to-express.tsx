import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { ExpressSuccessor } from "@/lib/apprunner/express-successor";
import { PauseAfterMove } from "./pause-after-move";

type Target = { connectionId: string; region: string; serviceArn: string; serviceName: string };

/**
 * The move: create an Express Mode service from this service's configuration, check it
 * is healthy, then pause this one (kept, not deleted, so moving back is one Resume away).
 */
export function MoveToExpress(props: { prefillHref: string; status: string; target: Target; successor: ExpressSuccessor | null }) {
  const { prefillHref, status, target, successor } = props;
  return (
    <Card data-testid="move-to-express">
      <CardHeader
        title="Move to ECS Express Mode"
        description="AWS recommends Express Mode for new web services: an ECS service on Fargate with its load balancer, HTTPS URL and auto scaling."
        actions={!successor && <ButtonLink href={prefillHref} variant="primary" size="sm">Move to Express Mode</ButtonLink>}
      />
      <CardBody className="space-y-3">
        {successor && (
          <div className="rounded-md border border-line bg-canvas px-3 py-2 text-sm">
            <p>
              Express Mode service <a href={successor.href} className="font-medium text-accent-700 hover:underline">{successor.name}</a>{" "}
              (cluster {successor.cluster}) is {successor.status.toLowerCase()}, running {successor.running} of {successor.desired} tasks
              {successor.url && <> at <a href={successor.url} target="_blank" rel="noreferrer" className="font-mono text-xs text-accent-700 hover:underline">{successor.url}</a></>}.
            </p>
            <div className="mt-2">
              {status === "PAUSED" ? (
                <p className="text-ink-muted">This App Runner service is paused: the move is done. Delete it once you are sure.</p>
              ) : successor.healthy && status === "RUNNING" ? (
                <PauseAfterMove target={target} expressName={successor.name} />
              ) : (
                <p className="text-ink-muted">Once it runs all its tasks, Portside offers to pause this App Runner service here.</p>
              )}
            </div>
          </div>
        )}
        <ol className="list-decimal space-y-1 pl-5 text-sm">
          <li>Create the Express Mode service: the wizard opens with this service&apos;s image, port, CPU and memory, environment, health check path and instance range.</li>
          <li>Wait until the new service is healthy and its URL answers, then point your traffic (DNS) at it.</li>
          <li>Pause this App Runner service: it stops billing for compute and can be resumed if you need to move back. Delete it once you are sure.</li>
        </ol>
      </CardBody>
    </Card>
  );
}
