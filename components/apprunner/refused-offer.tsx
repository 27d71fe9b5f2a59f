import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";

/**
 * After AWS refused CreateService: what happened, in plain words, and the Express Mode
 * wizard with the same settings. Accounts new to App Runner get this since 2026-04-30.
 */
export function RefusedCreateOffer(props: { awsMessage: string; expressHref: string; newCustomer: boolean; leftScalingConfiguration: boolean }) {
  const { awsMessage, expressHref, newCustomer, leftScalingConfiguration } = props;
  return (
    <Alert tone="error" title={newCustomer ? "AWS refused to create the service: this account is new to App Runner" : "AWS refused to create the App Runner service"} data-testid="apprunner-refused">
      <p>
        {newCustomer
          ? "App Runner stopped taking new customers on 30 April 2026, and this account had not used it before. "
          : "The service was not created. "}
        ECS Express Mode runs the same container image as a web service with its own HTTPS URL; its wizard opens with the
        image, port, CPU and memory, environment and scaling you entered here.
      </p>
      <p className="mt-1 text-xs">AWS said: {awsMessage}</p>
      {leftScalingConfiguration && (
        <p className="mt-1 text-xs">The auto scaling configuration this run created is still there; the cleanup plan below deletes it.</p>
      )}
      <div className="mt-2">
        <ButtonLink href={expressHref} variant="primary" size="sm">Create with ECS Express Mode instead</ButtonLink>
      </div>
    </Alert>
  );
}
