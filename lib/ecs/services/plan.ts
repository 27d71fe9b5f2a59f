import type { CreateServiceInput, DeleteServiceInput } from "@/lib/ecs/services/schema";
import { DEFAULT_COOLDOWN } from "@/lib/ecs/scaling/schema";
import { serviceDrained, serviceInactive } from "../clusters/teardown-waits";
import { leftoverSteps } from "./leftover-steps";
import { managedTags, noLeftovers, type LeftoverChoices, type Leftovers } from "./leftovers";
import { buildServiceScalingPlan } from "../scaling/plan";
import type { Plan, PlanRef, PlanStep } from "@/lib/core/plans/types";
import { alarmsConfiguration, shiftsTraffic } from "../deployment-strategy/fields";
import { createRoleSteps, strategyConfiguration } from "../deployment-strategy/plan";
import { createRuleStep } from "../deployment-strategy/rules";

const ref = (path: string): PlanRef => ({ $ref: path });

function createSecurityGroup(key: string, name: string, description: string, vpcId: string, tags: { Key: string; Value: string }[]): PlanStep {
  return {
    key,
    service: "ec2",
    operation: "CreateSecurityGroup",
    description: `Create security group ${name}`,
    input: { GroupName: name, Description: description, VpcId: vpcId, TagSpecifications: [{ ResourceType: "security-group", Tags: tags }] },
    produces: { groupId: "GroupId" },
    inverse: { service: "ec2", operation: "DeleteSecurityGroup", description: `Delete security group ${name}`, input: { GroupId: ref(`${key}.groupId`) } },
  };
}

function authorize(key: string, group: string, ports: number[], source: { cidr: string } | { groupRef: PlanRef | string }, what: string): PlanStep {
  const from = "cidr" in source ? { IpRanges: [{ CidrIp: source.cidr }] } : { UserIdGroupPairs: [{ GroupId: source.groupRef }] };
  return {
    key,
    service: "ec2",
    operation: "AuthorizeSecurityGroupIngress",
    description: `Allow ${what}`,
    dependsOn: [group],
    input: {
      GroupId: ref(`${group}.groupId`),
      IpPermissions: ports.map((port) => ({ IpProtocol: "tcp", FromPort: port, ToPort: port, ...from })),
    },
  };
}

/** The person's tags, and Portside's: what it creates says whose it is, for a later teardown. */
const tagList = (input: CreateServiceInput) => [...input.tags.map((t) => ({ Key: t.key, Value: t.value })), ...managedTags(input.cluster, input.serviceName)];

/**
 * Create service, as the console does it: the security groups and their rules, the
 * Application Load Balancer, its target group and listener, then the service that
 * registers its tasks in the target group. Every created resource has its inverse, so
 * a failure part-way offers a cleanup that removes exactly what was made.
 */
export function buildCreateServicePlan(input: CreateServiceInput): Plan {
  const steps: PlanStep[] = [];
  const awsvpc = input.networkMode === "awsvpc";
  const newLb = input.loadBalancerMode === "new";
  const useLb = input.loadBalancerMode !== "none";

  if (newLb) {
    steps.push(createSecurityGroup("lbSg", loadBalancerGroupName(input.loadBalancerName), `Load balancer ${input.loadBalancerName} of ECS service ${input.serviceName}`, input.vpcId, tagList(input)));
    const cidr = input.loadBalancerScheme === "internet-facing" ? "0.0.0.0/0" : input.ingressCidr || "10.0.0.0/8";
    steps.push(authorize("lbSgIngress", "lbSg", [input.listenerPort], { cidr }, `port ${input.listenerPort} to the load balancer from ${cidr}`));
  }

  let serviceGroups: (string | PlanRef)[] = input.securityGroupIds;
  if (awsvpc && input.securityGroupMode === "create") {
    steps.push(createSecurityGroup("sg", input.securityGroupName, `ECS service ${input.serviceName} in cluster ${input.cluster}`, input.vpcId, tagList(input)));
    const ports = [...(input.allowHttp ? [80] : []), ...(input.allowHttps ? [443] : [])];
    if (input.ingressSource === "loadBalancer") {
      const lbGroup = newLb ? ref("lbSg.groupId") : input.loadBalancerSecurityGroupId;
      const all = [...new Set([...ports, input.containerPort])];
      steps.push({ ...authorize("sgIngress", "sg", all, { groupRef: lbGroup }, `port ${all.join(", ")} from the load balancer's security group`), ...(newLb ? { dependsOn: ["sg", "lbSg"] } : {}) });
    } else {
      const cidr = input.ingressSource === "anywhere" ? "0.0.0.0/0" : input.ingressCidr;
      const all = useLb ? [...new Set([...ports, input.containerPort])] : ports;
      steps.push(authorize("sgIngress", "sg", all, { cidr }, `port ${all.join(", ")} from ${cidr}`));
    }
    serviceGroups = [ref("sg.groupId")];
  }

  if (newLb) {
    steps.push({
      key: "lb",
      service: "elbv2",
      operation: "CreateLoadBalancer",
      description: `Create Application Load Balancer ${input.loadBalancerName}`,
      dependsOn: ["lbSg"],
      input: {
        Name: input.loadBalancerName,
        Type: "application",
        Scheme: input.loadBalancerScheme,
        IpAddressType: "ipv4",
        Subnets: input.subnets,
        SecurityGroups: [ref("lbSg.groupId")],
        Tags: tagList(input),
      },
      produces: { loadBalancerArn: "LoadBalancers.0.LoadBalancerArn" },
      inverse: { service: "elbv2", operation: "DeleteLoadBalancer", description: `Delete load balancer ${input.loadBalancerName}`, input: { LoadBalancerArn: ref("lb.loadBalancerArn") } },
    });
  }

  if (useLb) {
    steps.push({
      key: "tg",
      service: "elbv2",
      operation: "CreateTargetGroup",
      description: `Create target group ${input.targetGroupName}`,
      input: {
        Name: input.targetGroupName,
        Protocol: "HTTP",
        ProtocolVersion: "HTTP1",
        Port: input.containerPort,
        VpcId: input.vpcId,
        // awsvpc tasks have their own ENI and are registered by IP; bridge/host tasks by instance.
        TargetType: awsvpc ? "ip" : "instance",
        HealthCheckEnabled: true,
        HealthCheckProtocol: "HTTP",
        HealthCheckPath: input.healthCheckPath,
        HealthCheckIntervalSeconds: input.healthCheckInterval,
        HealthCheckTimeoutSeconds: input.healthCheckTimeout,
        HealthyThresholdCount: input.healthyThreshold,
        UnhealthyThresholdCount: input.unhealthyThreshold,
        Matcher: { HttpCode: "200" },
        Tags: tagList(input),
      },
      produces: { targetGroupArn: "TargetGroups.0.TargetGroupArn" },
      inverse: { service: "elbv2", operation: "DeleteTargetGroup", description: `Delete target group ${input.targetGroupName}`, input: { TargetGroupArn: ref("tg.targetGroupArn") } },
    });
    const lbArn = newLb ? ref("lb.loadBalancerArn") : input.loadBalancerArn;
    steps.push({
      key: "listener",
      service: "elbv2",
      operation: "CreateListener",
      description: `Listen on HTTP port ${input.listenerPort} and forward to ${input.targetGroupName}`,
      dependsOn: newLb ? ["lb", "tg"] : ["tg"],
      input: {
        LoadBalancerArn: lbArn,
        Protocol: "HTTP",
        Port: input.listenerPort,
        DefaultActions: [{ Type: "forward", TargetGroupArn: ref("tg.targetGroupArn") }],
      },
      produces: { listenerArn: "Listeners.0.ListenerArn" },
      inverse: { service: "elbv2", operation: "DeleteListener", description: `Delete the port ${input.listenerPort} listener`, input: { ListenerArn: ref("listener.listenerArn") } },
    });
  }

  if (useLb && shiftsTraffic(input.deploymentStrategy)) steps.push(...trafficShiftSteps(input, steps));
  steps.push(serviceStep(input, serviceGroups, steps.map((s) => s.key)));
  if (input.autoScaling && input.schedulingStrategy === "REPLICA") steps.push(...autoScalingSteps(input));

  return {
    version: 1,
    wizard: "ecs-service",
    title: `Create ECS service ${input.serviceName} in ${input.cluster}`,
    resources: [`ecs:service/${input.cluster}/${input.serviceName}`, `ecs:cluster/${input.cluster}`],
    landing: servicePath(input.cluster, input.serviceName),
    steps,
  };
}

/**
 * Blue/green, canary and linear: the alternate (green) target group, a copy of the service's; a
 * listener rule on the new listener forwarding 100 % to the target group and 0 % to the alternate,
 * which ECS moves during deployments; and the role ECS uses for it, when asked to create one.
 */
function trafficShiftSteps(input: CreateServiceInput, earlier: PlanStep[]): PlanStep[] {
  const tg = earlier.find((s) => s.key === "tg")!;
  const name = input.alternateTargetGroupName;
  return [
    {
      key: "alternateTg",
      service: "elbv2",
      operation: "CreateTargetGroup",
      description: `Create the alternate (green) target group ${name}, with ${input.targetGroupName}'s port and health check`,
      input: { ...tg.input, Name: name },
      produces: { targetGroupArn: "TargetGroups.0.TargetGroupArn" },
      inverse: { service: "elbv2", operation: "DeleteTargetGroup", description: `Delete target group ${name}`, input: { TargetGroupArn: ref("alternateTg.targetGroupArn") } },
    },
    ...(["production", "test"] as const)
      .filter((which) => which === "production" || input.testRuleMode === "create")
      .map((which) =>
        createRuleStep(
          which,
          { listenerArn: ref("listener.listenerArn"), conditionField: input[`${which}RuleConditionField`], conditionValue: input[`${which}RuleConditionValue`], priority: input[`${which}RulePriority`] },
          ref("tg.targetGroupArn"), ref("alternateTg.targetGroupArn"), ["listener", "tg", "alternateTg"],
        ),
      ),
    ...(input.lbRoleMode === "create" ? createRoleSteps() : []),
  ];
}

/**
 * The wizard's optional auto scaling: RegisterScalableTarget and CPU target tracking from
 * lib/ecs/scaling/plan.ts, once the service exists (Application Auto Scaling needs it).
 */
function autoScalingSteps(input: CreateServiceInput): PlanStep[] {
  const off = { enabled: false, target: 0, scaleOutCooldown: DEFAULT_COOLDOWN, scaleInCooldown: DEFAULT_COOLDOWN, disableScaleIn: false };
  const scaling = buildServiceScalingPlan(
    {
      connectionId: input.connectionId, region: input.region, cluster: input.cluster, service: input.serviceName,
      minTasks: input.scalingMin, maxTasks: input.scalingMax,
      cpu: { ...off, enabled: true, target: input.scalingCpuTarget },
      memory: off,
      requests: { ...off, targetGroupArn: "", loadBalancerArn: "" },
    },
    { range: null, policyNames: [] },
  );
  return scaling.steps.map((s) => (s.key === "target" ? { ...s, dependsOn: ["service"] } : s));
}

/** The security group a new load balancer gets: named after it. */
export const loadBalancerGroupName = (loadBalancerName: string) => `${loadBalancerName}-sg`;

export const servicePath = (cluster: string, service: string) =>
  `/ecs/clusters/${encodeURIComponent(cluster)}/services/${encodeURIComponent(service)}`;

function serviceStep(input: CreateServiceInput, securityGroups: (string | PlanRef)[], earlier: string[]): PlanStep {
  const replica = input.schedulingStrategy === "REPLICA";
  const onFargate =
    input.computeMode === "launchType" ? input.launchType === "FARGATE" : input.strategy.some((s) => s.capacityProvider.startsWith("FARGATE"));
  const useLb = input.loadBalancerMode !== "none";
  const shifting = useLb && shiftsTraffic(input.deploymentStrategy);
  return {
    key: "service",
    service: "ecs",
    operation: "CreateService",
    description: `Create service ${input.serviceName} from ${input.taskDefinition}`,
    ...(earlier.length ? { dependsOn: earlier.filter((k) => ["sg", "listener", "tg", "alternateTg", "productionRule", "testRule", "role", "rolePolicy"].includes(k)) } : {}),
    input: {
      cluster: input.cluster,
      serviceName: input.serviceName,
      taskDefinition: input.taskDefinition,
      schedulingStrategy: input.schedulingStrategy,
      // Daemon services place one task per instance; AWS refuses a desired count for them.
      ...(replica ? { desiredCount: input.desiredCount } : {}),
      ...(input.computeMode === "launchType"
        ? { launchType: input.launchType }
        : { capacityProviderStrategy: input.strategy.filter((s) => s.weight > 0 || s.base > 0).map((s) => ({ capacityProvider: s.capacityProvider, weight: s.weight, base: s.base })) }),
      ...(onFargate ? { platformVersion: input.platformVersion } : {}),
      ...(input.networkMode === "awsvpc"
        ? {
            networkConfiguration: {
              awsvpcConfiguration: { subnets: input.subnets, securityGroups, assignPublicIp: input.assignPublicIp ? "ENABLED" : "DISABLED" },
            },
          }
        : {}),
      ...(useLb
        ? {
            loadBalancers: [{
              targetGroupArn: ref("tg.targetGroupArn"),
              containerName: input.containerName,
              containerPort: input.containerPort,
              ...(shifting
                ? {
                    advancedConfiguration: {
                      alternateTargetGroupArn: ref("alternateTg.targetGroupArn"),
                      productionListenerRule: ref("productionRule.ruleArn"),
                      ...(input.testRuleMode === "create" ? { testListenerRule: ref("testRule.ruleArn") } : {}),
                      roleArn: input.lbRoleMode === "create" ? ref("role.roleArn") : input.lbRoleArn,
                    },
                  }
                : {}),
            }],
            healthCheckGracePeriodSeconds: input.gracePeriod,
          }
        : {}),
      deploymentController: { type: "ECS" },
      deploymentConfiguration: {
        minimumHealthyPercent: replica ? input.minHealthyPercent : 0,
        maximumPercent: replica ? input.maxPercent : 100,
        deploymentCircuitBreaker: { enable: input.circuitBreaker, rollback: input.circuitBreaker && input.rollback },
        ...(shifting ? strategyConfiguration({ ...input, strategy: input.deploymentStrategy }) : {}),
        ...alarmsConfiguration(input, false),
      },
      enableECSManagedTags: true,
      propagateTags: "SERVICE",
      enableExecuteCommand: input.enableExecuteCommand,
      ...(input.tags.length ? { tags: input.tags.map((t) => ({ key: t.key, value: t.value })) } : {}),
    },
    produces: { serviceArn: "service.serviceArn" },
    inverse: {
      service: "ecs",
      operation: "DeleteService",
      description: `Delete service ${input.serviceName}`,
      // force: the service may still have a desired count above 0.
      input: { cluster: input.cluster, service: input.serviceName, force: true },
    },
  };
}

/**
 * Teardown: scale to 0 and wait for the tasks to stop, then delete and wait until INACTIVE. Task
 * definitions stay. What the service leaves behind and the person chose to delete goes too:
 * auto scaling and schedules before, load balancing and security groups after (leftoverSteps).
 */
export function buildDeleteServicePlan(input: Pick<DeleteServiceInput, "cluster" | "serviceName"> & { choices?: LeftoverChoices }, leftovers: Leftovers = noLeftovers()): Plan {
  const { before, after } = leftoverSteps(leftovers, input.choices ?? {});
  return {
    version: 1,
    wizard: "ecs-service-delete",
    title: `Delete ECS service ${input.serviceName} in ${input.cluster}`,
    resources: [`ecs:service/${input.cluster}/${input.serviceName}`, `ecs:cluster/${input.cluster}`],
    landing: `/ecs/clusters/${encodeURIComponent(input.cluster)}`,
    steps: [
      ...before,
      {
        key: "scale",
        service: "ecs",
        operation: "UpdateService",
        description: `Scale ${input.serviceName} to 0 tasks`,
        input: { cluster: input.cluster, service: input.serviceName, desiredCount: 0 },
        waitFor: serviceDrained(input.cluster, input.serviceName, input.serviceName),
      },
      {
        key: "delete",
        service: "ecs",
        operation: "DeleteService",
        description: `Delete service ${input.serviceName}`,
        dependsOn: ["scale"],
        input: { cluster: input.cluster, service: input.serviceName },
        waitFor: serviceInactive(input.cluster, input.serviceName, input.serviceName),
      },
      ...after.map((s, i) => (i === 0 ? { ...s, dependsOn: ["delete"] } : s)),
    ],
  };
}
