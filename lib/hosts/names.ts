/** Names of what Portside creates for one host, derived from the host's name (schema: ≤ 40 characters). */
export function hostNames(hostName: string) {
  return {
    role: `PortsideHost-${hostName}`,
    instanceProfile: `PortsideHost-${hostName}`,
    securityGroup: `portside-host-${hostName}`,
    logGroup: `/portside/hosts/${hostName}`,
  };
}

/** The tags a Portside host carries: how the hosts page finds it and what its container is. */
export const TAG = {
  managed: "portside:managed",
  host: "portside:host",
  image: "portside:image",
  ports: "portside:ports",
  restart: "portside:restart-policy",
  logGroup: "portside:log-group",
  role: "portside:role",
  securityGroup: "portside:created-security-group",
  /** HMAC of the container's environment (lib/hosts/env-hash.ts): whether it is still what Portside recorded. */
  envHash: "portside:env-hash",
} as const;

export const SSM_CORE_POLICY = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";
export const ECR_READ_POLICY = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly";
export const LOGS_POLICY_NAME = "WriteContainerLogs";
