import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/time";
import { endpointAccessLabel, type EksCluster } from "@/lib/eks/clusters/reads";

function Item({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2" : undefined}>
      <dt className="text-xs text-ink-muted">{label}</dt>
      <dd className="mt-0.5 min-w-0">{children}</dd>
    </div>
  );
}

const mono = "break-all font-mono text-xs";
const none = <span className="text-ink-faint">None</span>;

/** Details, networking and logging: what the console's Overview, Networking and Observability tabs show. */
export function EksClusterOverview({ cluster: c }: { cluster: EksCluster }) {
  const tags = Object.entries(c.tags);
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <Card className="lg:col-span-2">
        <CardHeader title="Details" />
        <CardBody>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-4 md:grid-cols-4">
            <Item label="Status"><span data-testid="cluster-status"><StatusBadge status={c.status} /></span></Item>
            <Item label="Kubernetes version"><span data-testid="cluster-version">{c.version}</span></Item>
            <Item label="Platform version">{c.platformVersion || "—"}</Item>
            <Item label="Created">{c.createdAt ? <RelativeTime date={c.createdAt} /> : "—"}</Item>
            <Item label="API server endpoint" wide>{c.endpoint ? <span className={mono} data-testid="cluster-endpoint">{c.endpoint}</span> : <span className="text-ink-faint">Not yet assigned</span>}</Item>
            <Item label="OpenID Connect provider URL" wide>{c.oidcIssuer ? <span className={mono} data-testid="cluster-oidc">{c.oidcIssuer}</span> : "—"}</Item>
            <Item label="Cluster IAM role" wide><span className={mono}>{c.roleArn}</span></Item>
            <Item label="Upgrade policy" wide>
              <span data-testid="cluster-support">{c.supportType === "STANDARD" ? "Standard: upgraded automatically when standard support ends" : c.supportType === "EXTENDED" ? "Extended: stays on its version, at the extended support price" : "—"}</span>
            </Item>
            <Item label="Secrets encryption" wide>{c.kmsKeyArn ? <span className={mono}>{c.kmsKeyArn}</span> : "Off"}</Item>
            <Item label="ARN" wide><span className={mono}>{c.arn}</span></Item>
            <Item label="Tags" wide>{tags.length ? tags.map(([k, v]) => <Badge key={k} className="mr-1">{k}={v}</Badge>) : none}</Item>
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Networking" />
        <CardBody>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-4">
            <Item label="VPC"><span className={mono}>{c.vpcId || "—"}</span></Item>
            <Item label="Endpoint access">{endpointAccessLabel(c)}</Item>
            <Item label="Subnets" wide><span className={mono}>{c.subnetIds.join(", ") || "—"}</span></Item>
            <Item label="Additional security groups" wide>{c.securityGroupIds.length ? <span className={mono}>{c.securityGroupIds.join(", ")}</span> : none}</Item>
            <Item label="Cluster security group"><span className={mono}>{c.clusterSecurityGroupId || "—"}</span></Item>
            {c.endpointPublicAccess && <Item label="Public access CIDRs"><span className={mono}>{c.publicAccessCidrs.join(", ") || "—"}</span></Item>}
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Control plane logging" description={`CloudWatch Logs group /aws/eks/${c.name}/cluster`} />
        <CardBody>
          <div className="flex flex-wrap gap-1.5" data-testid="cluster-logging">
            {c.logTypes.length ? c.logTypes.map((t) => <Badge key={t} tone="blue">{t}</Badge>) : <span className="text-sm text-ink-muted">Off for every log type</span>}
          </div>
        </CardBody>
      </Card>
    </div>
  );
}
