import { describe, expect, it } from "vitest";
import { createServiceSchema } from "@/lib/ecs/services/schema";
import { buildCleanupPlan } from "@/lib/core/plans/cleanup";
import { buildCreateServicePlan, buildDeleteServicePlan } from "./plan";
import { refsIn } from "@/lib/core/plans/refs";

const base = {
  connectionId: "c1", region: "us-east-1", cluster: "web", serviceName: "api", taskDefinition: "api:3",
  vpcId: "vpc-1", subnets: ["subnet-a1", "subnet-b2"], securityGroupName: "api-sg",
};
const full = createServiceSchema.parse({
  ...base, loadBalancerMode: "new", loadBalancerName: "api-alb", targetGroupName: "api-tg", containerName: "web", containerPort: "8080",
  ingressSource: "loadBalancer", allowHttps: "true", gracePeriod: "60", tags: [{ key: "team", value: "ops" }],
});
const ops = (plan: { steps: { service: string; operation: string }[] }) => plan.steps.map((s) => `${s.service}:${s.operation}`);

describe("buildCreateServicePlan", () => {
  const plan = buildCreateServicePlan(full);
  const step = (key: string) => plan.steps.find((s) => s.key === key)!;

  it("creates security groups, load balancer, target group, listener, then the service", () => {
    expect(ops(plan)).toEqual([
      "ec2:CreateSecurityGroup", "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateSecurityGroup", "ec2:AuthorizeSecurityGroupIngress",
      "elbv2:CreateLoadBalancer", "elbv2:CreateTargetGroup", "elbv2:CreateListener", "ecs:CreateService",
    ]);
    expect(plan.landing).toBe("/ecs/clusters/web/services/api");
    expect(plan.resources).toContain("ecs:service/web/api");
  });

  it("passes every ARN and id by reference", () => {
    expect(refsIn(step("lb").input)).toEqual(["lbSg"]);
    expect([...new Set(refsIn(step("sgIngress").input))].sort()).toEqual(["lbSg", "sg"]);
    expect(refsIn(step("listener").input).sort()).toEqual(["lb", "tg"]);
    expect(refsIn(step("service").input).sort()).toEqual(["sg", "tg"]);
    expect(step("lb").produces).toEqual({ loadBalancerArn: "LoadBalancers.0.LoadBalancerArn" });
    expect(step("tg").produces).toEqual({ targetGroupArn: "TargetGroups.0.TargetGroupArn" });
  });

  it("carries the console's target group, deployment and network settings", () => {
    expect(step("tg").input).toMatchObject({
      Name: "api-tg", Protocol: "HTTP", Port: 8080, TargetType: "ip", VpcId: "vpc-1", HealthCheckPath: "/",
      HealthCheckIntervalSeconds: 30, HealthyThresholdCount: 5, UnhealthyThresholdCount: 2,
    });
    expect(step("sgIngress").input.IpPermissions).toEqual([80, 443, 8080].map((p) => ({ IpProtocol: "tcp", FromPort: p, ToPort: p, UserIdGroupPairs: [{ GroupId: { $ref: "lbSg.groupId" } }] })));
    expect(step("listener").input).toMatchObject({ Port: 80, Protocol: "HTTP" });
    expect(step("service").input).toMatchObject({
      cluster: "web", serviceName: "api", taskDefinition: "api:3", desiredCount: 1, launchType: "FARGATE", platformVersion: "LATEST",
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a1", "subnet-b2"], securityGroups: [{ $ref: "sg.groupId" }], assignPublicIp: "ENABLED" } },
      loadBalancers: [{ targetGroupArn: { $ref: "tg.targetGroupArn" }, containerName: "web", containerPort: 8080 }],
      healthCheckGracePeriodSeconds: 60,
      deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
      tags: [{ key: "team", value: "ops" }],
    });
  });

  it("undoes a failure before CreateService, newest first, with the created ids", () => {
    const responses: Record<string, unknown> = {
      lbSg: { GroupId: "sg-lb" }, lbSgIngress: {}, sg: { GroupId: "sg-svc" }, sgIngress: {},
      lb: { LoadBalancers: [{ LoadBalancerArn: "arn:lb" }] }, tg: { TargetGroups: [{ TargetGroupArn: "arn:tg" }] },
      listener: { Listeners: [{ ListenerArn: "arn:ls" }] },
    };
    const recorded = plan.steps.map((s) => ({ stepKey: s.key, status: s.key === "service" ? "failed" : "succeeded", response: responses[s.key] ?? null }));
    const cleanup = buildCleanupPlan(plan, recorded, "run1")!;
    expect(cleanup.steps.map((s) => [s.operation, Object.values(s.input)[0]])).toEqual([
      ["DeleteListener", "arn:ls"], ["DeleteTargetGroup", "arn:tg"], ["DeleteLoadBalancer", "arn:lb"],
      ["DeleteSecurityGroup", "sg-svc"], ["DeleteSecurityGroup", "sg-lb"],
    ]);
  });

  it("without a load balancer creates the security group and the service only", () => {
    const simple = buildCreateServicePlan(createServiceSchema.parse({ ...base, allowHttps: true, ingressSource: "cidr", ingressCidr: "10.0.0.0/16" }));
    expect(ops(simple)).toEqual(["ec2:CreateSecurityGroup", "ec2:AuthorizeSecurityGroupIngress", "ecs:CreateService"]);
    expect(simple.steps[1]!.input.IpPermissions).toEqual([80, 443].map((p) => ({ IpProtocol: "tcp", FromPort: p, ToPort: p, IpRanges: [{ CidrIp: "10.0.0.0/16" }] })));
    expect(simple.steps[2]!.input).not.toHaveProperty("loadBalancers");
    expect(simple.steps[2]!.input).not.toHaveProperty("healthCheckGracePeriodSeconds");
  });

  it("on an existing load balancer adds a listener and a target group, open to its security group", () => {
    const lbArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shared/abc";
    const p = buildCreateServicePlan(createServiceSchema.parse({
      ...base, loadBalancerMode: "existing", loadBalancerArn: lbArn, loadBalancerSecurityGroupId: "sg-0ab", listenerPort: "8443",
      targetGroupName: "api-tg", containerName: "web", containerPort: "8080", ingressSource: "loadBalancer",
    }));
    expect(ops(p)).toEqual(["ec2:CreateSecurityGroup", "ec2:AuthorizeSecurityGroupIngress", "elbv2:CreateTargetGroup", "elbv2:CreateListener", "ecs:CreateService"]);
    expect(p.steps[1]!.input.IpPermissions).toEqual([80, 8080].map((port) => ({ IpProtocol: "tcp", FromPort: port, ToPort: port, UserIdGroupPairs: [{ GroupId: "sg-0ab" }] })));
    expect(p.steps[3]!.input).toMatchObject({ LoadBalancerArn: lbArn, Port: 8443 });
    expect(refsIn(p.steps[3]!.input)).toEqual(["tg"]);
  });

  it("uses existing security groups and a capacity provider strategy as given", () => {
    const p = buildCreateServicePlan(createServiceSchema.parse({
      ...base, securityGroupMode: "existing", securityGroupIds: ["sg-0abc"], computeMode: "capacityProvider",
      strategy: [{ capacityProvider: "FARGATE_SPOT", weight: "2", base: "0" }], circuitBreaker: false,
    }));
    expect(ops(p)).toEqual(["ecs:CreateService"]);
    expect(p.steps[0]!.input).toMatchObject({
      capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 2, base: 0 }], platformVersion: "LATEST",
      networkConfiguration: { awsvpcConfiguration: { securityGroups: ["sg-0abc"] } },
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: false, rollback: false } },
    });
    expect(p.steps[0]!.input).not.toHaveProperty("launchType");
    expect(p.steps[0]!.inverse).toMatchObject({ operation: "DeleteService", input: { cluster: "web", service: "api", force: true } });
  });

  it("a daemon on EC2 sends no desired count and no platform version", () => {
    const p = buildCreateServicePlan(createServiceSchema.parse({ ...base, networkMode: "bridge", launchType: "EC2", schedulingStrategy: "DAEMON" }));
    expect(ops(p)).toEqual(["ecs:CreateService"]);
    expect(p.steps[0]!.input).not.toHaveProperty("desiredCount");
    expect(p.steps[0]!.input).not.toHaveProperty("platformVersion");
    expect(p.steps[0]!.input).not.toHaveProperty("networkConfiguration");
    expect(p.steps[0]!.input.deploymentConfiguration).toMatchObject({ minimumHealthyPercent: 0, maximumPercent: 100 });
  });
});

describe("buildDeleteServicePlan", () => {
  it("scales to 0, then deletes", () => {
    const plan = buildDeleteServicePlan({ cluster: "web", serviceName: "api" });
    expect(plan.steps.map((s) => [s.operation, s.input])).toEqual([
      ["UpdateService", { cluster: "web", service: "api", desiredCount: 0 }],
      ["DeleteService", { cluster: "web", service: "api" }],
    ]);
    expect(plan.steps.every((s) => !s.inverse)).toBe(true);
    expect(plan.landing).toBe("/ecs/clusters/web");
  });

  it("waits for the tasks to stop before deleting, and for the service to drain after", () => {
    const [scale, del] = buildDeleteServicePlan({ cluster: "web", serviceName: "api" }).steps;
    expect(scale!.waitFor).toMatchObject({ operation: "DescribeServices", input: { cluster: "web", services: ["api"] }, path: "services.0.runningCount", success: ["0"] });
    expect(del!.waitFor).toMatchObject({ operation: "DescribeServices", path: "services.0.status", success: ["INACTIVE"], untilGone: true });
  });
});

describe("buildDeleteServicePlan with what the service leaves behind", () => {
  it("removes its scaling and schedules before, its load balancing and groups after the service", () => {
    const leftovers = {
      loadBalancing: [
        { kind: "listener" as const, id: "arn:l", label: "Listener :80 of api-alb", loadBalancerArn: "arn:lb" },
        { kind: "targetGroup" as const, id: "arn:tg", label: "Target group api-tg" },
        { kind: "loadBalancer" as const, id: "arn:lb", label: "Load balancer api-alb", keep: "shared: other listeners use it" },
      ],
      securityGroups: [{ kind: "securityGroup" as const, id: "sg-svc", label: "Security group api-sg", loadBalancerArns: [], referencedBy: [] }],
      autoScaling: [{ kind: "scalableTarget" as const, id: "service/web/api", label: "Scalable target of api" }],
      schedules: [],
      eventRules: [],
    };
    const plan = buildDeleteServicePlan({ cluster: "web", serviceName: "api", choices: { securityGroups: "keep" } }, leftovers);
    expect(plan.steps.map((s) => s.operation)).toEqual(["DeregisterScalableTarget", "UpdateService", "DeleteService", "DeleteListener", "DeleteTargetGroup"]);
    expect(plan.steps[3]!.dependsOn).toEqual(["delete"]);
  });
});

describe("buildCreateServicePlan tags what it creates as Portside's", () => {
  it("on the load balancer, target group and both security groups", () => {
    const plan = buildCreateServicePlan(full);
    const tags = [{ Key: "team", Value: "ops" }, { Key: "portside:managed", Value: "true" }, { Key: "portside:service", Value: "web/api" }];
    expect(plan.steps.find((s) => s.key === "lb")!.input.Tags).toEqual(tags);
    expect(plan.steps.find((s) => s.key === "tg")!.input.Tags).toEqual(tags);
    for (const key of ["lbSg", "sg"]) expect(plan.steps.find((s) => s.key === key)!.input.TagSpecifications).toEqual([{ ResourceType: "security-group", Tags: tags }]);
  });
});

describe("buildCreateServicePlan with the auto scaling step", () => {
  const simple = { ...base, desiredCount: "2" };

  it("appends RegisterScalableTarget and CPU target tracking after CreateService", () => {
    const plan = buildCreateServicePlan(createServiceSchema.parse({ ...simple, autoScaling: "true", scalingMin: "2", scalingMax: "10", scalingCpuTarget: "65" }));
    expect(ops(plan).slice(-3)).toEqual(["ecs:CreateService", "appautoscaling:RegisterScalableTarget", "appautoscaling:PutScalingPolicy"]);
    const target = plan.steps.find((s) => s.operation === "RegisterScalableTarget")!;
    expect(target.dependsOn).toEqual(["service"]);
    expect(target.input).toEqual({ ServiceNamespace: "ecs", ResourceId: "service/web/api", ScalableDimension: "ecs:service:DesiredCount", MinCapacity: 2, MaxCapacity: 10 });
    const policy = plan.steps.find((s) => s.operation === "PutScalingPolicy")!;
    expect(policy.input).toMatchObject({
      PolicyName: "api-cpu-target-tracking",
      PolicyType: "TargetTrackingScaling",
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 65, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" } },
    });
    expect(new Set(plan.steps.map((s) => s.key)).size).toBe(plan.steps.length);
  });

  it("adds nothing when the step is off", () => {
    expect(ops(buildCreateServicePlan(createServiceSchema.parse(simple))).filter((o) => o.startsWith("appautoscaling"))).toEqual([]);
  });

  it("rejects min above max, a target out of range and auto scaling a daemon service", () => {
    const errors = (extra: Record<string, string>) => {
      const r = createServiceSchema.safeParse({ ...simple, autoScaling: "true", ...extra });
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(errors({ scalingMin: "5", scalingMax: "2" }).scalingMin).toBe("Minimum tasks cannot be more than maximum tasks.");
    expect(errors({ scalingCpuTarget: "0" }).scalingCpuTarget).toBe("Target utilization is 1 to 100 percent.");
    expect(errors({ scalingCpuTarget: "150" }).scalingCpuTarget).toBe("Target utilization is 1 to 100 percent.");
    expect(errors({ schedulingStrategy: "DAEMON", launchType: "EC2" }).autoScaling).toMatch(/replica services/);
    expect(createServiceSchema.safeParse({ ...simple, scalingMin: "5", scalingMax: "2" }).success).toBe(true);
  });
});
