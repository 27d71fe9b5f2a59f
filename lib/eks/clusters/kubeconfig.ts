/** What a kubeconfig needs from DescribeCluster. */
export type KubeconfigCluster = { name: string; arn: string; region: string; endpoint: string; certificateAuthority: string };

/** The command the EKS console shows under "Connect": writes the same entry into ~/.kube/config. */
export function updateKubeconfigCommand(name: string, region: string): string {
  return `aws eks update-kubeconfig --region ${region} --name ${name}`;
}

// Cluster names are [A-Za-z0-9_-]; ARNs, endpoints and base64 are plain too, but quote anyway so
// the YAML stays valid whatever AWS returns.
const q = (s: string) => JSON.stringify(s);

/**
 * A kubeconfig like the one `aws eks update-kubeconfig` writes: the cluster's
 * endpoint and CA data, and an exec credential plugin that asks
 * `aws eks get-token` for a short-lived token with the person's own AWS credentials.
 */
export function buildKubeconfig(c: KubeconfigCluster): string {
  const id = c.arn || c.name;
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    `- name: ${q(id)}`,
    "  cluster:",
    `    server: ${q(c.endpoint)}`,
    `    certificate-authority-data: ${q(c.certificateAuthority)}`,
    "contexts:",
    `- name: ${q(id)}`,
    "  context:",
    `    cluster: ${q(id)}`,
    `    user: ${q(id)}`,
    `current-context: ${q(id)}`,
    "preferences: {}",
    "users:",
    `- name: ${q(id)}`,
    "  user:",
    "    exec:",
    "      apiVersion: client.authentication.k8s.io/v1beta1",
    "      command: aws",
    "      args:",
    "      - --region",
    `      - ${q(c.region)}`,
    "      - eks",
    "      - get-token",
    "      - --cluster-name",
    `      - ${q(c.name)}`,
    "      - --output",
    "      - json",
    "      interactiveMode: IfAvailable",
    "",
  ].join("\n");
}

export const kubeconfigFileName = (name: string) => `kubeconfig-${name}.yaml`;
