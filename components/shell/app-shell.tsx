import { Link } from "@/components/ui/link";
import { Suspense, type ReactNode } from "react";
import { SsoFailureNotice } from "@/components/account/sso-failure-notice";
import type { SessionUser } from "@/lib/core/auth/session";
import type { WorkingContext } from "@/lib/core/connections/context";
import { logoutAction } from "@/lib/core/auth/login-action";
import { ContextSwitcher, type SwitcherConnection } from "./context-switcher";
import { NavLinks } from "./nav-links";

export function AppShell(props: {
  user: SessionUser;
  /** The identity provider of an account that signs in through SSO (it has no password here). */
  ssoProvider?: string | null;
  context: WorkingContext | null;
  connections: SwitcherConnection[];
  children: ReactNode;
}) {
  const { user } = props;
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-56 shrink-0 flex-col border-r border-line bg-surface">
        <Link href="/ecs/clusters" className="px-4 py-4 text-base font-semibold tracking-tight">
          Portside
        </Link>
        <NavLinks role={user.role} />
        <div className="mt-auto border-t border-line px-4 py-3 text-xs">
          <p className="truncate font-medium" title={user.email}>{user.name}</p>
          <p className="text-ink-muted">{user.email} · {user.role}</p>
          {user.sso && <p className="mt-1 text-ink-muted" data-testid="sso-provider">Signs in with SSO · {props.ssoProvider ?? "single sign-on"}</p>}
          <div className="mt-2 flex gap-3">
            {!user.sso && <Link href="/settings/account" className="text-accent-700 hover:underline">Change password</Link>}
            <form action={logoutAction}>
              <button type="submit" className="text-accent-700 hover:underline">Sign out</button>
            </form>
          </div>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-12 items-center justify-end gap-3 border-b border-line bg-surface px-6">
          <ContextSwitcher context={props.context} connections={props.connections} />
        </header>
        <main className="min-w-0 flex-1 px-6 py-5">
          <Suspense fallback={null}>
            <SsoFailureNotice />
          </Suspense>
          {props.children}
        </main>
      </div>
    </div>
  );
}
