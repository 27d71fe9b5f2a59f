import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/time";
import { TestConnectionButton } from "@/components/settings/test-connection-button";
import { requirePageUser } from "@/lib/core/auth/guard";
import { maskKeyId } from "@/lib/core/auth/privacy";
import { listConnections } from "@/lib/core/connections/store";

export const metadata: Metadata = { title: "Connections" };

const KIND_LABEL: Record<string, string> = {
  sandbox: "Local sandbox",
  default_chain: "Default credential chain",
  profile: "Named profile",
  assume_role: "Assume role",
  static_keys: "Access keys (encrypted)",
};

export default async function ConnectionsPage() {
  const user = await requirePageUser("viewer");
  const isAdmin = user.role === "admin";
  const connections = await listConnections();
  return (
    <>
      <PageHeader
        title="Connections"
        description="AWS accounts Portside works in, how it signs in, and in which regions."
        actions={isAdmin && <ButtonLink href="/settings/connections/new" variant="primary">Add connection</ButtonLink>}
      />
      {connections.length === 0 ? (
        <EmptyState title="No connections yet" description="Add an AWS account to start. Admins manage connections."
          action={isAdmin ? <ButtonLink href="/settings/connections/new" variant="primary">Add connection</ButtonLink> : undefined} />
      ) : (
        <div className="space-y-3">
          {connections.map((c) => (
            <Card key={c.id} aria-label={`Connection ${c.name}`}>
              <CardHeader
                title={c.name}
                description={KIND_LABEL[c.kind] ?? c.kind}
                actions={isAdmin && <ButtonLink href={`/settings/connections/${c.id}`} size="sm" variant="secondary">Edit</ButtonLink>}
              />
              <CardBody className="grid gap-4 md:grid-cols-[1fr_22rem]">
                <dl className="grid grid-cols-2 gap-3 text-sm">
                  <div><dt className="text-xs text-ink-muted">Regions</dt><dd className="flex flex-wrap gap-1">{c.regions.map((r) => <Badge key={r} tone={r === c.defaultRegion ? "blue" : "neutral"}>{r}</Badge>)}</dd></div>
                  {c.endpointUrl && <div><dt className="text-xs text-ink-muted">Endpoint</dt><dd className="font-mono text-xs">{c.endpointUrl}</dd></div>}
                  {c.profile && <div><dt className="text-xs text-ink-muted">Profile</dt><dd>{c.profile}</dd></div>}
                  {c.roleArn && <div><dt className="text-xs text-ink-muted">Role</dt><dd className="break-all font-mono text-xs">{c.roleArn}{c.externalId ? " (external id set)" : ""}</dd></div>}
                  {c.accessKeyId && <div><dt className="text-xs text-ink-muted">Access key</dt><dd className="font-mono text-xs">{isAdmin ? c.accessKeyId : maskKeyId(c.accessKeyId)} · secret {c.hasSecret ? "stored encrypted" : "missing"}</dd></div>}
                  <div>
                    <dt className="text-xs text-ink-muted">Last test</dt>
                    <dd>
                      {c.lastTestedAt ? (
                        <span className={c.lastTestOk ? "text-green-700" : "text-red-700"}>
                          {c.lastTestOk ? "OK" : "Failed"} · <RelativeTime date={c.lastTestedAt} />
                        </span>
                      ) : "Never"}
                    </dd>
                  </div>
                </dl>
                <TestConnectionButton connectionId={c.id} name={c.name} />
              </CardBody>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
