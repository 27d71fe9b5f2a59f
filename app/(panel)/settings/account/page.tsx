import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionsList } from "@/components/account/sessions-list";
import { TwoFactorSettings } from "@/components/account/two-factor-settings";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/core/auth/guard";
import { listSessions } from "@/lib/core/auth/session";
import { describeBrowser, sessionLimits } from "@/lib/core/auth/session-limits";
import { recoveryCodesLeft } from "@/lib/core/auth/two-factor";
import { db } from "@/lib/core/db/client";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser("viewer");
  const [sessions, account, codesLeft] = await Promise.all([
    listSessions(user.id),
    db().user.findUnique({ where: { id: user.id }, select: { totpEnabledAt: true, oidcSubject: true } }),
    recoveryCodesLeft(user.id),
  ]);
  const { idleMs, maxMs } = sessionLimits();
  return (
    <>
      <PageHeader title="Account" description={`${user.name} · ${user.email} · ${user.role}`} />
      <div className="space-y-6">
        {!user.sso && (
          <Card>
            <CardHeader title="Change password" description="Signs you out in every other browser; this one stays signed in." />
            <CardBody><ChangePasswordForm /></CardBody>
          </Card>
        )}
        <Card>
          <CardHeader title="Two-factor sign-in" description="A code from an authenticator app after your password." />
          <CardBody>
            <TwoFactorSettings enabled={Boolean(account?.totpEnabledAt)} codesLeft={codesLeft} sso={Boolean(account?.oidcSubject)} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Sessions"
            description={`Where you are signed in. A session ends after ${idleMs / 60_000} minutes without use, and ${maxMs / 3_600_000} hours after sign-in.`}
          />
          <CardBody>
            <SessionsList sessions={sessions.map((s) => ({ ...s, browser: describeBrowser(s.userAgent) }))} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
