import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export function NoConnection() {
  return (
    <EmptyState
      title="Connect an AWS account first"
      description="Portside needs a connection (an account and its regions) before it can show or change anything."
      action={<ButtonLink href="/settings/connections">Add a connection</ButtonLink>}
    />
  );
}
