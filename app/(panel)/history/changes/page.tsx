import type { Metadata } from "next";
import { AccountEvents } from "@/components/settings/account-events";
import { AuditExportForm } from "@/components/settings/audit-export-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ACCOUNT_EVENTS_SHOWN, recentAccountEvents } from "@/lib/core/audit/account-events";
import { verifyAuditChain } from "@/lib/core/audit/chain";
import { requirePageUser } from "@/lib/core/auth/guard";
import { plural } from "@/lib/core/format/plural";

export const metadata: Metadata = { title: "Portside changes" };

/**
 * Changes to Portside itself — users, roles, passwords, connections, sign-in lockouts — and
 * whether their hash chain still holds: an edit made straight in the database shows here.
 */
export default async function PortsideChangesPage() {
  await requirePageUser("admin");
  const [events, chain] = await Promise.all([recentAccountEvents(), verifyAuditChain()]);
  return (
    <>
      <PageHeader
        title="Portside changes"
        description="Who changed users, roles and connections in Portside, and when. Each record carries the hash of the one before it, so an edit made outside Portside breaks the chain."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Integrity" />
          <CardBody className="space-y-2 text-sm">
            {chain.broken ? (
              <Alert tone="error" title="The audit chain is broken">
                Record {chain.broken.seq} ({chain.broken.action}, {new Date(chain.broken.at).toISOString()}) {chain.broken.reason}.
                Records before it verified; compare with a backup of the database.
              </Alert>
            ) : (
              <p role="status">
                Verified: {plural(chain.checked - chain.unchained, "record")} in an unbroken chain
                {chain.unchained > 0 && `, after ${plural(chain.unchained, "record")} from before the chain began`}.
              </p>
            )}
            {chain.head && (
              <p className="text-ink-muted">
                Newest link: <code className="break-all font-mono text-xs">{chain.head}</code>. Keep a copy elsewhere: a chain cut short at its end is
                still unbroken, and only this value shows it. <code className="font-mono text-xs">npm run audit:verify</code> checks the same from a shell.
              </p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Export" />
          <CardBody>
            <AuditExportForm />
          </CardBody>
        </Card>
        <section aria-labelledby="portside-changes">
          <h2 id="portside-changes" className="mb-2 text-sm font-semibold">Changes</h2>
          <AccountEvents events={events} limit={ACCOUNT_EVENTS_SHOWN} label="Portside changes" subject="Account or connection" />
        </section>
      </div>
    </>
  );
}
