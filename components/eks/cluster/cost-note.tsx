import { Alert } from "@/components/ui/alert";
import { EKS_PRICE_PER_HOUR, monthlyEstimate } from "@/lib/plans/eks-cluster";

const usd = (n: number) => `$${n.toFixed(2)}`;

/** EKS bills the control plane per cluster-hour from the moment it is created; there is no free tier. */
export function CostNote() {
  const { standard, extended } = EKS_PRICE_PER_HOUR;
  return (
    <Alert tone="warning" title="This cluster is billed from the moment it is created">
      <p>
        EKS charges per cluster-hour, with no free tier: {usd(standard)} an hour on a Kubernetes version in standard support, about $
        {monthlyEstimate(standard)} a month. A version in extended support costs {usd(extended)} an hour (about ${monthlyEstimate(extended)} a month).
        Nodes, Fargate pods, load balancers and logs are billed on top.
      </p>
    </Alert>
  );
}
