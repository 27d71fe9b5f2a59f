import { StatusBadge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { Host } from "@/lib/hosts/reads";

type Props = { hosts: Host[]; canLaunch: boolean; filter: { tagKey: string; tagValue: string } };

/** "ok / ok" of the two status checks, or what they are instead. */
export function checksLabel(status: Host["status"]): string {
  return status.system === status.instance ? status.system : `system ${status.system} · instance ${status.instance}`;
}

export function HostTable({ hosts, canLaunch, filter }: Props) {
  const description = filter.tagKey
    ? `Instances Portside launched, and those tagged ${filter.tagKey}${filter.tagValue ? `=${filter.tagValue}` : ""}.`
    : "Instances Portside launched (tagged portside:managed).";
  return (
    <Card>
      <CardHeader title="Hosts" description={description} />
      {hosts.length === 0 ? (
        <EmptyState
          title="No EC2 Docker hosts"
          description={canLaunch ? "Launch one: an Amazon Linux 2023 instance that runs your container with Docker. Or name a tag above to list instances launched elsewhere." : "Ask an operator to launch one, or name a tag above to list instances launched elsewhere."}
          action={canLaunch && <ButtonLink variant="primary" href="/ec2/hosts/new">Launch host</ButtonLink>}
        />
      ) : (
        <Table aria-label="Hosts">
          <THead>
            <Tr>
              <Th>Host</Th>
              <Th>State</Th>
              <Th>Status checks</Th>
              <Th>Type</Th>
              <Th>Public IP / DNS</Th>
              <Th>Private IP</Th>
              <Th>Container</Th>
            </Tr>
          </THead>
          <TBody>
            {hosts.map((h) => (
              <Tr key={h.instanceId}>
                <Td>
                  <Link href={`/ec2/hosts/${h.instanceId}`} className="font-medium text-accent-700 hover:underline">{h.name}</Link>
                  <div className="font-mono text-xs text-ink-muted">{h.instanceId}{h.managed ? "" : " · not launched by Portside"}</div>
                </Td>
                <Td><StatusBadge status={h.state} /></Td>
                <Td>{checksLabel(h.status)}</Td>
                <Td className="font-mono text-xs">{h.instanceType}</Td>
                <Td className="text-xs">
                  <div className="font-mono">{h.publicIp ?? "—"}</div>
                  <div className="text-ink-muted [overflow-wrap:anywhere]">{h.publicDns ?? ""}</div>
                </Td>
                <Td className="font-mono text-xs">{h.privateIp ?? "—"}</Td>
                <Td className="text-xs">
                  <div className="font-mono [overflow-wrap:anywhere]">{h.image ?? "—"}</div>
                  {h.url && <a href={h.url} className="text-accent-700 hover:underline" target="_blank" rel="noreferrer noopener">{h.url}</a>}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
