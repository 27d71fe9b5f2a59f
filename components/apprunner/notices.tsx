import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { APP_RUNNER_REGIONS } from "@/lib/apprunner/regions";

/** AWS closed App Runner to new customers: say it where people would start something new. */
export function NewCustomersBanner() {
  return (
    <Alert tone="warning" title="App Runner stopped taking new customers on 30 April 2026">
      <p>
        Accounts that already use App Runner keep running and creating services; accounts new to App Runner are refused.
        AWS recommends Amazon ECS Express Mode for new web services.
      </p>
      <div className="mt-2">
        <ButtonLink href="/ecs/express/new" size="sm" variant="secondary">Create an ECS Express Mode service</ButtonLink>
      </div>
    </Alert>
  );
}

/** Shown instead of calling AWS when the working region has no App Runner endpoint. */
export function RegionUnavailable({ region }: { region: string }) {
  return (
    <EmptyState
      title={`App Runner is not offered in ${region}`}
      description={
        <>
          Switch the working region at the top to one of the regions where AWS offers App Runner:{" "}
          {APP_RUNNER_REGIONS.map((r) => `${r.code} (${r.name})`).join(", ")}. ECS Express Mode is available in every ECS region.
        </>
      }
      action={<ButtonLink href="/ecs/express" variant="secondary">ECS Express Mode services</ButtonLink>}
      data-testid="apprunner-region-unavailable"
    />
  );
}
