import { StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
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
        <CardHeader title="Container" description={host.container ? "As Portside launched or last replaced it." : "Portside did not launch this host: its container is not known."} />
        <CardBody>
          <dl className="text-sm" aria-label="Container">
            <Row term="Image"><span className="font-mono">{host.container?.image ?? host.image ?? "—"}</span></Row>
            <Row term="Ports">{host.container ? `host ${host.container.hostPort} → container ${host.container.containerPort}` : "—"}</Row>
            <Row term="Restart policy">{host.container?.restartPolicy ?? "—"}</Row>
            <Row term="Environment">{host.container ? host.container.envNames.join(", ") || "none" : "—"}</Row>
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
