import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { updateKubeconfigCommand } from "@/lib/eks/clusters/kubeconfig";

/** How to reach the Kubernetes API: the AWS CLI writes the kubeconfig, or download one that calls aws eks get-token. */
export function ConnectCard({ name, region, ready }: { name: string; region: string; ready: boolean }) {
  return (
    <Card>
      <CardHeader title="Connect with kubectl"
        description="Both use your own AWS credentials through the AWS CLI (aws eks get-token); your IAM identity needs an access entry in the cluster." />
      <CardBody className="space-y-3">
        <div>
          <p className="mb-1 text-[13px] font-medium">Add the cluster to ~/.kube/config</p>
          <CodeBlock code={updateKubeconfigCommand(name, region)} wrap />
        </div>
        {ready ? (
          <ButtonLink href={`/eks/clusters/${encodeURIComponent(name)}/kubeconfig`} variant="secondary" download>
            Download kubeconfig
          </ButtonLink>
        ) : (
          <p className="text-xs text-ink-muted">The kubeconfig can be downloaded once the cluster has its endpoint.</p>
        )}
      </CardBody>
    </Card>
  );
}
