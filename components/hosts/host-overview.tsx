import { StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import type { LiveHost } from "@/lib/hosts/live-view";
import { checksLabel } from "./host-table";

const Row = ({ term, children }: { term: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-3 gap-2 py-1">
    <dt className="text-ink-muted">{term}</dt>
    <dd className="col-span-2 [overflow-wrap:anywhere]">{children}</dd>
  </div>
);

/** What the instance is and where its container answers. */
export function HostOverview({ host }: { host: LiveHost }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardHeader title="Instance" />
        <CardBody>
          <dl className="text-sm" aria-label="Instance">
            <Row term="State"><span data-testid="host-state"><StatusBadge status={host.state} /></span></Row>
            <Row term="Status checks"><span data-testid="status-checks">{checksLabel(host.status)}</span></Row>
            <Row term="Instance">{host.instanceId} · {host.instanceType} · {host.architecture}</Row>
            <Row term="AMI">{host.imageId}</Row>
            <Row term="Placement">{host.az} · {host.subnetId} · {host.vpcId}</Row>
            <Row term="Public IP / DNS">{host.publicIp ?? "—"}{host.publicDns ? ` · ${host.publicDns}` : ""}</Row>
            <Row term="Private IP / DNS">{host.privateIp ?? "—"}{host.privateDns ? ` · ${host.privateDns}` : ""}</Row>
            <Row term="Security groups">{host.securityGroups.map((g) => `${g.name} (${g.id})`).join(", ") || "—"}</Row>
            <Row term="Access">{host.keyName ? `Key pair ${host.keyName}; Session Manager` : "Session Manager (no key pair)"}</Row>
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Container" description={!host.container ? "Portside did not launch this host: its container is not known." : host.replaced ? "As Replace container last ran it." : "As the first boot ran it (user data)."} />
        <CardBody>
          {host.replaced && (
            <p className="mb-2 text-sm" data-testid="container-replaced">
              Replaced by {host.replaced.by} at <time dateTime={host.replaced.at}>{host.replaced.at.slice(0, 19).replace("T", " ")} UTC</time>{" "}
              (<Link href={`/history/${host.replaced.runId}`} className="text-accent-700 hover:underline">run</Link>) · first boot ran <span className="font-mono">{host.replaced.bootImage}</span>
            </p>
          )}
          {host.envDrift && (
            <p role="alert" className="mb-2 text-sm text-amber-700">The instance&apos;s environment fingerprint (tag portside:env-hash) differs from what Portside recorded: it was changed outside Portside, and the variables below may not be what runs.</p>
          )}
          <dl className="text-sm" aria-label="Container">
            <Row term="Image"><span className="font-mono">{host.container?.image ?? host.image ?? "—"}</span></Row>
            <Row term="Ports">{host.container ? `host ${host.container.hostPort} → container ${host.container.containerPort}` : "—"}</Row>
            <Row term="Restart policy">{host.container?.restartPolicy ?? "—"}</Row>
            <Row term="Environment (names)">{host.container ? host.container.envNames.join(", ") || "none" : "—"}</Row>
            <Row term="Logs">{host.logGroup ?? "—"}</Row>
            <Row term="URL">
              {host.url ? <a href={host.url} className="text-accent-700 hover:underline" target="_blank" rel="noreferrer noopener">{host.url}</a> : "— (the host is not running, or has no address)"}
            </Row>
          </dl>
        </CardBody>
      </Card>
    </div>
  );
}
