import type { SecurityGroup, Subnet } from "@/lib/vpc/reads";
import type { TaskDefinitionInfo } from "@/lib/ecs/services/reads";
import type { LoadBalancer } from "@/lib/ecs/services/load-balancers";
import { SERVICE_DEFAULTS } from "@/lib/ecs/services/schema";
import { STRATEGY_LIMITS } from "@/lib/ecs/deployment-strategy/fields";
import type { Tag } from "@/lib/core/validation/tags";
import type { HookRow } from "@/lib/ecs/deployment-strategy/hooks";

export type StrategyRow = { capacityProvider: string; weight: string; base: string };

/** The wizard's client state: strings as typed, booleans and lists as the form posts them. */
export function initialValues(args: {
  connectionId: string;
  region: string;
  cluster: string;
  taskDefinition: string;
  td: TaskDefinitionInfo | null;
  strategy: StrategyRow[];
  vpcId: string;
  subnets: Subnet[];
}) {
  const firstPort = portChoices(args.td)[0];
  return {
    connectionId: args.connectionId,
    region: args.region,
    cluster: args.cluster,
    serviceName: "",
    taskDefinition: args.taskDefinition,
    networkMode: args.td?.networkMode ?? "awsvpc",
    computeMode: "launchType",
    launchType: "FARGATE",
    strategy: args.strategy,
    platformVersion: SERVICE_DEFAULTS.platformVersion as string,
    schedulingStrategy: "REPLICA",
    desiredCount: String(SERVICE_DEFAULTS.desiredCount),
    vpcId: args.vpcId,
    // The console selects every subnet of the VPC to start with.
    subnets: args.subnets.map((s) => s.id),
    securityGroupMode: "create",
    securityGroupIds: [] as string[],
    securityGroupName: "",
    allowHttp: true,
    allowHttps: false,
    ingressSource: "anywhere",
    ingressCidr: "",
    assignPublicIp: true,
    loadBalancerMode: "none",
    loadBalancerName: "",
    loadBalancerScheme: "internet-facing",
    loadBalancerArn: "",
    loadBalancerSecurityGroupId: "",
    listenerPort: String(SERVICE_DEFAULTS.listenerPort),
    targetGroupName: "",
    healthCheckPath: SERVICE_DEFAULTS.healthCheckPath as string,
    healthCheckInterval: String(SERVICE_DEFAULTS.healthCheckInterval),
    healthCheckTimeout: String(SERVICE_DEFAULTS.healthCheckTimeout),
    healthyThreshold: String(SERVICE_DEFAULTS.healthyThreshold),
    unhealthyThreshold: String(SERVICE_DEFAULTS.unhealthyThreshold),
    containerName: firstPort?.container ?? "",
    containerPort: firstPort ? String(firstPort.port) : "",
    minHealthyPercent: String(SERVICE_DEFAULTS.minHealthyPercent),
    maxPercent: String(SERVICE_DEFAULTS.maxPercent),
    deploymentStrategy: "ROLLING",
    bakeTime: String(STRATEGY_LIMITS.bakeTime.default),
    canaryPercent: String(STRATEGY_LIMITS.canaryPercent.default),
    canaryBakeTime: String(STRATEGY_LIMITS.canaryBakeTime.default),
    stepPercent: String(STRATEGY_LIMITS.stepPercent.default),
    stepBakeTime: String(STRATEGY_LIMITS.stepBakeTime.default),
    alternateTargetGroupName: "",
    lbRoleMode: "create",
    lbRoleArn: "",
    alarmsEnabled: false,
    alarmNames: [] as string[],
    alarmRollback: false,
    hooks: [] as HookRow[],
    // The rules ECS moves, created on the new listener: production always, test when asked.
    productionRuleMode: "create",
    productionRuleListenerArn: "",
    productionRuleConditionField: "path-pattern",
    productionRuleConditionValue: "/*",
    productionRulePriority: "1",
    testRuleMode: "existing",
    testRuleListenerArn: "",
    testRuleConditionField: "host-header",
    testRuleConditionValue: "",
    testRulePriority: "2",
    circuitBreaker: true,
    rollback: true,
    gracePeriod: String(SERVICE_DEFAULTS.gracePeriod),
    enableExecuteCommand: false,
    tags: [] as Tag[],
  };
}

export type ServiceValues = ReturnType<typeof initialValues>;

export type FieldsProps = {
  values: ServiceValues;
  set: (patch: Partial<ServiceValues>) => void;
  errorFor: (key: string) => string[] | undefined;
  touch: (key: string) => void;
};

export type NetworkOptions = { subnets: Subnet[]; securityGroups: SecurityGroup[] };
export type LoadBalancerOption = Pick<LoadBalancer, "arn" | "name" | "scheme" | "vpcId" | "securityGroups" | "dnsName">;

/** Every container port of a task definition, "container:port", the choices to register. */
export function portChoices(td: TaskDefinitionInfo | null) {
  return (td?.containers ?? []).flatMap((c) => c.ports.filter((p) => p.protocol === "tcp").map((p) => ({ container: c.name, port: p.containerPort })));
}

/** A name ELBv2 accepts (≤32, letters, digits, hyphens, no hyphen at the ends). */
export function elbNameFrom(base: string, suffix: string) {
  const clean = base.replace(/[^A-Za-z0-9-]/g, "-").slice(0, 32 - suffix.length).replace(/^-+|-+$/g, "");
  return clean ? `${clean}${suffix}` : "";
}
