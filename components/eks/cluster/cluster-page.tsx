import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import type { EksCluster, EksClusterContents } from "@/lib/aws/eks";
import { clusterResource, nextMinorVersion } from "@/lib/plans/eks-cluster";
import { AutoRefresh } from "./auto-refresh";
import { EksClusterContentsView } from "./cluster-contents";
import { EksClusterOverview } from "./cluster-overview";
import { ConnectCard } from "./connect-card";
import { TeardownButton } from "./teardown-button";
import { UpgradeButton } from "./upgrade-button";

type Props = {
  cluster: EksCluster;
  contents: EksClusterContents;
  /** Kubernetes versions EKS offers, to know whether the next minor version exists yet. */
  versions: string[];
  connection: { id: string; name: string; region: string };
  canOperate: boolean;
};

const TRANSITIONAL = new Set(["CREATING", "UPDATING", "DELETING", "PENDING"]);

export function EksClusterPage({ cluster, contents, versions, connection, canOperate }: Props) {
  const next = nextMinorVersion(cluster.version);
  const canUpgradeTo = next && versions.includes(next) ? next : null;
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
        <EksClusterOverview cluster={cluster} />
        <ConnectCard name={cluster.name} region={connection.region} ready={Boolean(cluster.endpoint)} />
        <EksClusterContentsView cluster={cluster.name} contents={contents} canOperate={canOperate} />
      </div>
    </>
  );
}
