export type AlertKind = "tasks" | "deployments";

/**
 * Which alert a rule's pattern is, if it is one of this cluster's: its stopped tasks (the pattern
 * names the cluster's ARN), or its services' deployments (the pattern names the cluster's service
 * ARN prefix, or one service's ARN). Read by the alert list and the cluster teardown.
 */
export function alertKind(pattern: string, clusterArn: string): AlertKind | null {
  if (pattern.includes("ECS Task State Change") && pattern.includes(JSON.stringify(clusterArn))) return "tasks";
  const services = clusterArn.replace(/:cluster\/(.*)$/, ":service/$1/");
  if (pattern.includes("ECS Deployment State Change") && pattern.includes(services)) return "deployments";
  return null;
}
