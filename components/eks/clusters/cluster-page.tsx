import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import type { EksCluster, EksClusterContents, KubernetesVersion } from "@/lib/eks/clusters/reads";
import { supportWarning } from "@/lib/eks/clusters/version-support";
import { clusterResource, nextMinorVersion } from "@/lib/eks/clusters/plan";
import { AutoRefresh } from "./auto-refresh";
import { EksClusterContentsView } from "./cluster-contents";
import { EksClusterOverview } from "./cluster-overview";
import { ConnectCard } from "./connect-card";
import { TeardownButton } from "./teardown-button";
import { UpgradeButton } from "./upgrade-button";

type Props = {
  cluster: EksCluster;
  contents: EksClusterContents;
  /** Kubernetes versions EKS offers: whether the next minor version exists yet, and the support calendar. */
  versions: KubernetesVersion[];
  connection: { id: string; name: string; region: string };
  canOperate: boolean;
  now: Date;
};

const TRANSITIONAL = new Set(["CREATING", "UPDATING", "DELETING", "PENDING"]);
const RUNNING = new Set(["ACTIVE", "UPDATING"]);

export function EksClusterPage({ cluster, contents, versions, connection, canOperate, now }: Props) {
  const next = nextMinorVersion(cluster.version);
  const canUpgradeTo = next && versions.some((v) => v.version === next) ? next : null;
  // A running cluster only: one being created or deleted is not yet (or no longer) billed by the hour.
  const current = RUNNING.has(cluster.status) ? versions.find((v) => v.version === cluster.version) : undefined;
  const warning = current ? supportWarning(current, now, cluster.supportType) : null;
  const updating = contents.updates.some((u) => u.status === "InProgress");
  const busy = TRANSITIONAL.has(cluster.status) || updating || [...contents.nodegroups, ...contents.fargateProfiles, ...contents.addons].some((m) => TRANSITIONAL.has(m.status));
  const target = { connectionId: connection.id, region: connection.region, clusterName: cluster.name };
  return (
    <>
      <PageHeader
        title={cluster.name}
        description={`EKS cluster in ${connection.region} · ${connection.name}`}
        breadcrumbs={[{ href: "/eks/clusters", label: "EKS clusters" }, { label: cluster.name }]}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <AutoRefresh auto={busy} />
            <ButtonLink variant="secondary" href={`/history?resource=${encodeURIComponent(clusterResource(cluster.name))}`}>History</ButtonLink>
            {canOperate && canUpgradeTo && (
              <UpgradeButton {...target} currentVersion={cluster.version} version={canUpgradeTo}
                disabledReason={cluster.status !== "ACTIVE" || updating ? "The cluster can be upgraded once it is ACTIVE with no update in progress." : undefined} />
            )}
            {canOperate && (
              <TeardownButton {...target} nodegroups={contents.nodegroups.map((n) => n.name)} fargateProfiles={contents.fargateProfiles.map((f) => f.name)} addons={contents.addons.map((a) => a.name)} />
            )}
          </div>
        }
      />
      <div className="space-y-5">
        {warning && (
          <Alert tone={warning.tone} title={warning.title} data-testid="version-support-warning">
            {warning.text}
            {canUpgradeTo ? ` Kubernetes ${canUpgradeTo} is the next version.` : ""}
          </Alert>
        )}
        <EksClusterOverview cluster={cluster} />
        <ConnectCard name={cluster.name} region={connection.region} ready={Boolean(cluster.endpoint)} />
        <EksClusterContentsView cluster={cluster.name} contents={contents} canOperate={canOperate} />
      </div>
    </>
  );
}
