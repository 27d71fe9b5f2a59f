import type { LoadBalancing } from "@/lib/ecs/services/load-balancers";
import { copyName, familyRevision, isSet, userTags, type PrefillResult } from "../common/prefill";
import { plural } from "@/lib/core/format/plural";

/** The parts of a DescribeServices service the create wizard can carry over (the SDK's Service fits). */
export type ServiceSource = {
  serviceName?: string;
  taskDefinition?: string;
  desiredCount?: number;
  launchType?: string;
  capacityProviderStrategy?: { capacityProvider?: string; weight?: number; base?: number }[];
  platformVersion?: string;
  schedulingStrategy?: string;
  networkConfiguration?: { awsvpcConfiguration?: { subnets?: string[]; securityGroups?: string[]; assignPublicIp?: string } };
  loadBalancers?: { targetGroupArn?: string; loadBalancerName?: string; containerName?: string; containerPort?: number }[];
  healthCheckGracePeriodSeconds?: number;
  deploymentConfiguration?: {
    minimumHealthyPercent?: number;
    maximumPercent?: number;
    deploymentCircuitBreaker?: { enable?: boolean; rollback?: boolean };
    alarms?: { enable?: boolean };
    strategy?: string;
  };
  deploymentController?: { type?: string };
  enableExecuteCommand?: boolean;
  propagateTags?: string;
  tags?: { key?: string; value?: string }[];
};

/** The create-service form fields a duplicate fills in (same names and shapes as the wizard's state). */
export type ServicePrefill = {
  serviceName: string;
  taskDefinition: string;
  computeMode: string;
  launchType: string;
  strategy: { capacityProvider: string; weight: string; base: string }[];
  platformVersion: string;
  schedulingStrategy: string;
  desiredCount: string;
  vpcId: string;
  subnets: string[];
  securityGroupMode: string;
  securityGroupIds: string[];
  assignPublicIp: boolean;
  loadBalancerMode: string;
  loadBalancerArn: string;
  loadBalancerSecurityGroupId: string;
  listenerPort: string;
  targetGroupName: string;
  healthCheckPath: string;
  healthCheckInterval: string;
  healthCheckTimeout: string;
  healthyThreshold: string;
  unhealthyThreshold: string;
  containerName: string;
  containerPort: string;
  gracePeriod: string;
  minHealthyPercent: string;
  maxPercent: string;
  circuitBreaker: boolean;
  rollback: boolean;
  enableExecuteCommand: boolean;
  tags: { key: string; value: string }[];
};

// Service settings the wizard has no control for; set on the original, they are reported as not carried over.
const UNSUPPORTED = [
  "placementConstraints", "placementStrategy", "serviceRegistries", "serviceConnectConfiguration", "volumeConfigurations",
  "vpcLatticeConfigurations", "availabilityZoneRebalancing",
] as const;

/** A listener port the load balancer does not use yet: 8080 for a copy of port 80, else the next one up. */
export function freeListenerPort(taken: number[], original: number): number {
  let port = original === 80 ? 8080 : original + 1;
  while (taken.includes(port) && port < 65535) port++;
  return port;
}

const str = (n: number | undefined, fallback: string) => (n === undefined || n === null ? fallback : String(n));

/**
 * The create-service wizard's values for a copy of an existing service, in the same cluster.
 * The copy registers with the same load balancer through its own target group and a listener on
 * a free port (a listener port belongs to one listener). Security groups are reused, not copied.
 */
export function servicePrefill(
  s: ServiceSource,
  ctx: { clusterProviders: string[]; vpcId: string; loadBalancing: LoadBalancing[] },
): PrefillResult<Partial<ServicePrefill>> {
  const dropped: string[] = [];
  const notes: string[] = [];
  const raw = s as Record<string, unknown>;
  for (const key of UNSUPPORTED) if (isSet(raw[key])) dropped.push(key);
  if (s.propagateTags && s.propagateTags !== "SERVICE") dropped.push(`propagateTags ${s.propagateTags} (the copy propagates the service's tags)`);
  if (s.deploymentController?.type && s.deploymentController.type !== "ECS") dropped.push(`deploymentController ${s.deploymentController.type}`);
  if (s.deploymentConfiguration?.alarms?.enable) dropped.push("deploymentConfiguration.alarms");
  if (s.deploymentConfiguration?.strategy && s.deploymentConfiguration.strategy !== "ROLLING") dropped.push(`deployment strategy ${s.deploymentConfiguration.strategy}`);

  const name = s.serviceName ?? "";
  const values: Partial<ServicePrefill> = {
    serviceName: name ? copyName(name, 255) : "",
    taskDefinition: familyRevision(s.taskDefinition),
    schedulingStrategy: s.schedulingStrategy === "DAEMON" ? "DAEMON" : "REPLICA",
    desiredCount: str(s.desiredCount, "1"),
    enableExecuteCommand: Boolean(s.enableExecuteCommand),
    tags: userTags(s.tags),
  };
  if (s.platformVersion) values.platformVersion = s.platformVersion;
  if (s.healthCheckGracePeriodSeconds !== undefined) values.gracePeriod = String(s.healthCheckGracePeriodSeconds);

  const strategy = s.capacityProviderStrategy ?? [];
  if (strategy.length > 0) {
    const providers = [...new Set([...ctx.clusterProviders, ...strategy.map((c) => c.capacityProvider ?? "")])].filter(Boolean);
    values.computeMode = "capacityProvider";
    values.strategy = providers.map((p) => {
      const row = strategy.find((c) => c.capacityProvider === p);
      return { capacityProvider: p, weight: str(row?.weight, "0"), base: str(row?.base, "0") };
    });
  } else if (s.launchType === "EXTERNAL") {
    dropped.push("launchType EXTERNAL");
  } else if (s.launchType) {
    values.computeMode = "launchType";
    values.launchType = s.launchType === "EC2" ? "EC2" : "FARGATE";
  }

  const vpc = s.networkConfiguration?.awsvpcConfiguration;
  if (vpc) {
    Object.assign(values, {
      vpcId: ctx.vpcId,
      subnets: vpc.subnets ?? [],
      securityGroupMode: "existing",
      securityGroupIds: vpc.securityGroups ?? [],
      assignPublicIp: vpc.assignPublicIp === "ENABLED",
    });
  }

  const dc = s.deploymentConfiguration;
  if (dc?.minimumHealthyPercent !== undefined) values.minHealthyPercent = String(dc.minimumHealthyPercent);
  if (dc?.maximumPercent !== undefined) values.maxPercent = String(dc.maximumPercent);
  if (dc?.deploymentCircuitBreaker) {
    values.circuitBreaker = Boolean(dc.deploymentCircuitBreaker.enable);
    values.rollback = Boolean(dc.deploymentCircuitBreaker.rollback);
  }

  const [first, ...more] = s.loadBalancers ?? [];
  if (more.length > 0) dropped.push(`${plural(more.length, "more load balancer target group")} (the wizard registers one)`);
  if (first) Object.assign(values, loadBalancerPrefill(first, ctx.loadBalancing, dropped, notes));
  return { values, dropped, notes };
}

function loadBalancerPrefill(
  lb: NonNullable<ServiceSource["loadBalancers"]>[number],
  loadBalancing: LoadBalancing[],
  dropped: string[],
  notes: string[],
): Partial<ServicePrefill> {
  const found = loadBalancing.find((l) => l.targetGroup.arn === lb.targetGroupArn);
  if (!found?.loadBalancer) {
    dropped.push(lb.loadBalancerName ? `Classic Load Balancer ${lb.loadBalancerName}` : "load balancer (its target group is not attached to an Application Load Balancer)");
    return { loadBalancerMode: "none" };
  }
  const { targetGroup: tg, loadBalancer, listeners } = found;
  const original = listeners.find((l) => l.targetGroupArns.includes(tg.arn));
  const taken = listeners.map((l) => l.port);
  const originalPort = original?.port ?? 80;
  const port = taken.includes(originalPort) ? freeListenerPort(taken, originalPort) : originalPort;
  if (port !== originalPort) notes.push(`Listener port ${originalPort} of ${loadBalancer.name} is taken by the original's listener: the copy gets its own listener on port ${port}.`);
  if (original && original.protocol !== "HTTP") dropped.push(`${original.protocol} listener (the copy's listener is HTTP)`);
  if (tg.healthCheck.matcher && tg.healthCheck.matcher !== "200") dropped.push(`health check success codes ${tg.healthCheck.matcher}`);
  if (tg.protocol && tg.protocol !== "HTTP") dropped.push(`target group protocol ${tg.protocol}`);
  return {
    loadBalancerMode: "existing",
    loadBalancerArn: loadBalancer.arn,
    loadBalancerSecurityGroupId: loadBalancer.securityGroups[0] ?? "",
    listenerPort: String(port),
    targetGroupName: copyName(tg.name, 32),
    healthCheckPath: tg.healthCheck.path || "/",
    healthCheckInterval: String(tg.healthCheck.interval || 30),
    healthCheckTimeout: String(tg.healthCheck.timeout || 5),
    healthyThreshold: String(tg.healthCheck.healthy || 5),
    unhealthyThreshold: String(tg.healthCheck.unhealthy || 2),
    containerName: lb.containerName ?? "",
    containerPort: str(lb.containerPort, ""),
  };
}
