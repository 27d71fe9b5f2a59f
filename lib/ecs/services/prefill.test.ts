import { describe, expect, it } from "vitest";
import type { LoadBalancing } from "@/lib/ecs/services/load-balancers";
import { createServiceSchema } from "@/lib/ecs/services/schema";
import { freeListenerPort, servicePrefill, type ServiceSource } from "./prefill";

// As DescribeServices (include TAGS) answers for a load-balanced Fargate service.
const service: ServiceSource & Record<string, unknown> = {
  serviceArn: "arn:aws:ecs:us-east-1:123456789012:service/prod/web",
  serviceName: "web",
  clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
  status: "ACTIVE",
  taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7",
  desiredCount: 3,
  runningCount: 3,
  launchType: "FARGATE",
  platformVersion: "1.4.0",
  schedulingStrategy: "REPLICA",
  networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0a", "subnet-0b"], securityGroups: ["sg-0123"], assignPublicIp: "ENABLED" } },
  loadBalancers: [{ targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/abc", containerName: "app", containerPort: 8080 }],
  healthCheckGracePeriodSeconds: 60,
  deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 150, deploymentCircuitBreaker: { enable: true, rollback: false } },
  deploymentController: { type: "ECS" },
  enableExecuteCommand: true,
  propagateTags: "SERVICE",
  placementStrategy: [{ type: "spread", field: "attribute:ecs.availability-zone" }],
  serviceRegistries: [],
  tags: [{ key: "team", value: "ops" }, { key: "aws:cloudformation:stack-name", value: "x" }],
};

const loadBalancing: LoadBalancing[] = [
  {
    targetGroup: {
      arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/abc",
      name: "web-tg", protocol: "HTTP", port: 8080, targetType: "ip", vpcId: "vpc-1", loadBalancerArns: ["arn:lb/web-alb"],
      healthCheck: { path: "/health", protocol: "HTTP", interval: 15, timeout: 4, healthy: 3, unhealthy: 2, matcher: "200" },
    },
    loadBalancer: { arn: "arn:lb/web-alb", name: "web-alb", type: "application", scheme: "internet-facing", state: "active", dnsName: "d", vpcId: "vpc-1", securityGroups: ["sg-lb"], zones: [] },
    listeners: [
      { arn: "arn:l/80", port: 80, protocol: "HTTP", targetGroupArns: ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/abc"] },
      { arn: "arn:l/8080", port: 8080, protocol: "HTTP", targetGroupArns: ["arn:other"] },
    ],
    health: [],
  },
];

describe("servicePrefill", () => {
  const ctx = { clusterProviders: ["FARGATE", "FARGATE_SPOT"], vpcId: "vpc-1", loadBalancing };

  it("carries every setting the wizard has over, reusing the load balancer through a new target group and a free port", () => {
    const { values, dropped, notes } = servicePrefill(service, ctx);
    expect(values).toEqual({
      serviceName: "web-copy", taskDefinition: "web:7", schedulingStrategy: "REPLICA", desiredCount: "3", enableExecuteCommand: true,
      tags: [{ key: "team", value: "ops" }], platformVersion: "1.4.0", gracePeriod: "60",
      computeMode: "launchType", launchType: "FARGATE",
      vpcId: "vpc-1", subnets: ["subnet-0a", "subnet-0b"], securityGroupMode: "existing", securityGroupIds: ["sg-0123"], assignPublicIp: true,
      minHealthyPercent: "50", maxPercent: "150", circuitBreaker: true, rollback: false,
      loadBalancerMode: "existing", loadBalancerArn: "arn:lb/web-alb", loadBalancerSecurityGroupId: "sg-lb", listenerPort: "8081", targetGroupName: "web-tg-copy",
      healthCheckPath: "/health", healthCheckInterval: "15", healthCheckTimeout: "4", healthyThreshold: "3", unhealthyThreshold: "2",
      containerName: "app", containerPort: "8080",
    });
    expect(dropped).toEqual(["placementStrategy"]);
    expect(notes).toEqual(["Listener port 80 of web-alb is taken by the original's listener: the copy gets its own listener on port 8081."]);
  });

  it("prefills values the wizard's schema accepts as they stand (ELBv2 arn aside)", () => {
    const { values } = servicePrefill(service, ctx);
    const parsed = createServiceSchema.safeParse({ connectionId: "c", region: "us-east-1", cluster: "prod", ...values, loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/web-alb/1" });
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it("maps a capacity provider strategy onto the cluster's providers and names what it cannot carry", () => {
    const { values, dropped } = servicePrefill(
      {
        ...(service as ServiceSource), launchType: undefined, loadBalancers: [], capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 3, base: 1 }],
        propagateTags: "TASK_DEFINITION", deploymentController: { type: "CODE_DEPLOY" }, placementStrategy: [],
      } as ServiceSource,
      ctx,
    );
    expect(values.computeMode).toBe("capacityProvider");
    expect(values.strategy).toEqual([{ capacityProvider: "FARGATE", weight: "0", base: "0" }, { capacityProvider: "FARGATE_SPOT", weight: "3", base: "1" }]);
    expect(values).not.toHaveProperty("loadBalancerMode");
    expect(dropped).toEqual(["propagateTags TASK_DEFINITION (the copy propagates the service's tags)", "deploymentController CODE_DEPLOY"]);
  });

  it("drops a target group that is on no Application Load Balancer", () => {
    const { values, dropped } = servicePrefill(service, { ...ctx, loadBalancing: [] });
    expect(values.loadBalancerMode).toBe("none");
    expect(dropped).toContain("load balancer (its target group is not attached to an Application Load Balancer)");
  });

  it("picks a listener port the load balancer does not use", () => {
    expect(freeListenerPort([80], 80)).toBe(8080);
    expect(freeListenerPort([80, 8080, 8081], 80)).toBe(8082);
    expect(freeListenerPort([443], 443)).toBe(444);
  });
});
