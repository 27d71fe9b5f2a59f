import { ButtonLink } from "@/components/ui/button";
import { environmentPage } from "@/lib/beanstalk/environments/names";

/** "Move to ECS": opens the Express Mode wizard prefilled from this environment (through the move-to-ecs page, which reads its version and options). */
export function MoveToEcsLink({ applicationName, environmentName }: { applicationName: string; environmentName: string }) {
  return (
    <ButtonLink href={`${environmentPage(applicationName, environmentName)}/move-to-ecs`} variant="secondary" size="sm">
      Move to ECS
    </ButtonLink>
  );
}
