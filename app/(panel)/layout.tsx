import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageUser } from "@/lib/core/auth/guard";
import { ssoProviderName } from "@/lib/core/auth/oidc";
import { getWorkingContext } from "@/lib/core/connections/context";
import { listConnections } from "@/lib/core/connections/store";

export default async function PanelLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser("viewer");
  const [context, connections] = await Promise.all([getWorkingContext(), listConnections()]);
  return (
    <AppShell user={user} ssoProvider={user.sso ? ssoProviderName() : null} context={context} connections={connections.map((c) => ({ id: c.id, name: c.name, regions: c.regions }))}>
      {children}
    </AppShell>
  );
}
