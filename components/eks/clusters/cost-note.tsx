import { Alert } from "@/components/ui/alert";
import { EKS_PRICE_PER_HOUR, hourlyPrice, monthlyEstimate, supportPhase, type VersionSupportInfo } from "@/lib/eks/clusters/version-support";

const usd = (n: number) => `$${n.toFixed(2)}`;

/**
 * EKS bills the control plane per cluster-hour from the moment it is created; there is no free tier.
 * The rate is the chosen version's: a version already past standard support costs the extended rate.
 */
export function CostNote({ version, now }: { version?: VersionSupportInfo; now: Date }) {
  const { standard, extended } = EKS_PRICE_PER_HOUR;
  const rate = version ? hourlyPrice(version, now) : standard;
  const inExtended = version ? supportPhase(version, now) === "extended" : false;
  return (
    <Alert tone="warning" title={`This cluster is billed from the moment it is created: ${usd(rate)} an hour`}>
      {inExtended ? (
        <p data-testid="cost-rate">
          Kubernetes {version!.version} is in extended support, so this cluster costs {usd(extended)} an hour, about ${monthlyEstimate(extended)} a
          month (a version in standard support costs {usd(standard)} an hour). Nodes, Fargate pods, load balancers and logs are billed on top.
        </p>
      ) : (
        <p data-testid="cost-rate">
          EKS charges per cluster-hour, with no free tier: {usd(standard)} an hour on a Kubernetes version in standard support, about $
          {monthlyEstimate(standard)} a month. A version in extended support costs {usd(extended)} an hour (about ${monthlyEstimate(extended)} a month).
          Nodes, Fargate pods, load balancers and logs are billed on top.
        </p>
      )}
    </Alert>
  );
}
