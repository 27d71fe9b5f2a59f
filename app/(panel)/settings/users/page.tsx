import { Link } from "@/components/ui/link";
import type { Metadata } from "next";
import { AccountEvents } from "@/components/settings/account-events";
import { CreateUserForm } from "@/components/settings/create-user-form";
import { ResetPasswordDialog } from "@/components/settings/reset-password-dialog";
import { UserRowForm } from "@/components/settings/user-row-form";
import { ResetTwoFactorButton } from "@/components/settings/reset-two-factor-button";
import { SsoSettings } from "@/components/settings/sso-settings";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";
import { ACCOUNT_EVENTS_SHOWN, recentAccountEvents } from "@/lib/core/audit/account-events";
import { requirePageUser } from "@/lib/core/auth/guard";
import { db } from "@/lib/core/db/client";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePageUser("admin");
  const [users, events] = await Promise.all([db().user.findMany({ orderBy: { createdAt: "asc" } }), recentAccountEvents()]);
  return (
    <>
      <PageHeader title="Users" description="Viewers read; operators also run plans; admins also manage users and connections." />
      <div className="space-y-5">
        <Table aria-label="Users">
          <THead><Tr><Th>Name</Th><Th>Email</Th><Th>Since</Th><Th>Role and state</Th><Th>Password</Th><Th>Sign-in</Th></Tr></THead>
          <TBody>
            {users.map((u) => (
              <Tr key={u.id}>
                <Td className="font-medium">{u.name}</Td>
                <Td>{u.email}</Td>
                <Td className="whitespace-nowrap"><RelativeTime date={u.createdAt} /></Td>
                <Td><UserRowForm user={{ id: u.id, email: u.email, role: u.role, disabled: u.disabled }} /></Td>
                <Td>
                  {u.oidcSubject
                    ? <span className="text-xs text-ink-muted">None (SSO)</span>
                    : u.id === me.id
                      ? <Link href="/settings/account" className="text-xs text-accent-700 hover:underline">Change yours in Account</Link>
                      : <ResetPasswordDialog user={{ id: u.id, email: u.email }} />}
                </Td>
                <Td>
                  <div className="flex flex-col items-start gap-1 text-xs">
                    <span>{u.oidcSubject ? "Single sign-on" : u.totpEnabledAt ? "Password + 2FA" : "Password only"}</span>
                    {u.totpEnabledAt && u.id !== me.id && <ResetTwoFactorButton user={{ id: u.id, email: u.email }} />}
                  </div>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        <SsoSettings />
        <Card>
          <CardHeader title="Add a user" />
          <CardBody><CreateUserForm /></CardBody>
        </Card>
        <section aria-labelledby="account-changes">
          <h2 id="account-changes" className="mb-2 text-sm font-semibold">Account changes</h2>
          <AccountEvents events={events} limit={ACCOUNT_EVENTS_SHOWN} />
        </section>
      </div>
    </>
  );
}
