import { describe, expect, it } from "vitest";
import { buildClusterTeardownPlan, teardownSummary, type TeardownTarget } from "./teardown";
import { planHash } from "@/lib/core/plans/hash";
import { decideLeftovers } from "../services/leftovers";

const target: TeardownTarget = {
  clusterName: "prod",
  clusterArn: "arn:aws:ecs:us-east-1:1:cluster/prod",
  services: [{ name: "web", arn: "arn:svc/web" }, { name: "api", arn: "arn:svc/api" }],
  capacityProviders: [{ name: "cp-prod", autoScalingGroupName: "asg-prod", launchTemplateId: "lt-0abc", launchTemplateName: "lt-prod" }],
  hasAttachedProviders: true,
};

describe("buildClusterTeardownPlan", () => {
  const plan = buildClusterTeardownPlan(target);

  it("scales each service to 0 and deletes it, detaches and deletes capacity, then deletes the cluster", () => {
    expect(plan.steps.map((s) => `${s.operation} ${s.description}`)).toEqual([
      "UpdateService Scale service web to 0 tasks",
      "DeleteService Delete service web",
      "UpdateService Scale service api to 0 tasks",
      "DeleteService Delete service api",
      "PutClusterCapacityProviders Detach the capacity providers from prod",
      "DeleteCapacityProvider Delete capacity provider cp-prod",
      "DeleteAutoScalingGroup Delete Auto Scaling group asg-prod and terminate its instances",
      "DeleteLaunchTemplate Delete launch template lt-prod",
      "DescribeClusters Check that no container instances are left in prod",
      "DeleteCluster Delete cluster prod",
    ]);
    expect(plan.steps[0]!.input).toEqual({ cluster: target.clusterArn, service: "arn:svc/web", desiredCount: 0 });
    expect(plan.steps[4]!.input).toEqual({ cluster: target.clusterArn, capacityProviders: [], defaultCapacityProviderStrategy: [] });
    expect(plan.steps[4]!.dependsOn).toEqual(["service0", "service1"]);
    expect(plan.steps[6]!.input).toEqual({ AutoScalingGroupName: "asg-prod", ForceDelete: true });
    expect(plan.steps[7]!.input).toEqual({ LaunchTemplateId: "lt-0abc" });
    expect(plan.steps.every((s) => !s.inverse)).toBe(true);
    expect(plan.landing).toBe("/ecs/clusters");
  });

  it("keeps task definitions and deletes a bare cluster in one step", () => {
    const bare = buildClusterTeardownPlan({ ...target, services: [], capacityProviders: [], hasAttachedProviders: false });
    expect(bare.steps.map((s) => s.operation)).toEqual(["DeleteCluster"]);
    expect(plan.steps.some((s) => s.operation === "DeregisterTaskDefinition")).toBe(false);
  });

  it("names everything it deletes", () => {
    expect(teardownSummary(target)).toEqual([
      "Service web (scaled to 0, then deleted)",
      "Service api (scaled to 0, then deleted)",
      "Capacity provider cp-prod",
      "Auto Scaling group asg-prod and its EC2 instances",
      "Launch template lt-prod",
      "Cluster prod",
    ]);
  });
});

describe("teardown waits", () => {
  const plan = buildClusterTeardownPlan(target);
  const step = (key: string) => plan.steps.find((s) => s.key === key)!;

  it("waits for each service's tasks to stop, then for the service to become INACTIVE", () => {
    expect(step("scale0").waitFor).toMatchObject({
      operation: "DescribeServices", input: { cluster: target.clusterArn, services: ["arn:svc/web"] }, path: "services.0.runningCount", success: ["0"],
    });
    expect(step("service1").waitFor).toMatchObject({
      operation: "DescribeServices", input: { services: ["arn:svc/api"] }, path: "services.0.status", success: ["INACTIVE"], untilGone: true,
    });
  });

  it("deletes the launch template only once the group is gone, and the cluster once no instance is registered", () => {
    expect(step("asg0").waitFor).toMatchObject({
      service: "autoscaling", operation: "DescribeAutoScalingGroups", input: { AutoScalingGroupNames: ["asg-prod"] }, path: "AutoScalingGroups.length", success: ["0"],
    });
    const ops = plan.steps.map((s) => s.key);
    expect(ops.slice(-3)).toEqual(["lt0", "instances", "cluster"]);
    expect(step("instances")).toMatchObject({
      operation: "DescribeClusters",
      dependsOn: ["lt0"],
      waitFor: { path: "clusters.0.registeredContainerInstancesCount", success: ["0"] },
    });
    expect(step("cluster").dependsOn).toEqual(["instances"]);
  });

  it("checks for instances registered outside an Auto Scaling group, and skips the check on Fargate-only clusters", () => {
    const fargate = { ...target, capacityProviders: [] };
    expect(buildClusterTeardownPlan(fargate).steps.some((s) => s.key === "instances")).toBe(false);
    expect(buildClusterTeardownPlan({ ...fargate, containerInstances: 2 }).steps.map((s) => s.key).slice(-2)).toEqual(["instances", "cluster"]);
  });
});

describe("buildClusterTeardownPlan with what the services leave behind", () => {
  const leftovers = decideLeftovers({
    cluster: "prod",
    services: [{ name: "web", targetGroupArns: ["arn:tg"], securityGroupIds: ["sg-svc"], family: "web" }],
    otherServices: [],
    targetGroups: [{ arn: "arn:tg", name: "web-tg", loadBalancerArns: ["arn:lb"], managed: true }],
    loadBalancers: [{ arn: "arn:lb", name: "web-alb", securityGroups: ["sg-lb"], managed: true, listeners: [{ arn: "arn:l", port: 80, targetGroupArns: ["arn:tg"] }] }],
    securityGroups: [
      { id: "sg-svc", name: "web-sg", managed: true, referencedBy: [], usedBy: [] },
      { id: "sg-lb", name: "web-alb-sg", managed: true, referencedBy: ["sg-svc"], usedBy: [] },
    ],
    scaling: [{ service: "web", resourceId: "service/prod/web", registered: true, policies: [{ name: "web-cpu", type: "TargetTrackingScaling", alarms: ["tt"] }] }],
    schedules: [{ name: "nightly", group: "default", family: "web", state: "ENABLED" }],
  });
  const one = { ...target, services: [target.services[0]!], capacityProviders: [], hasAttachedProviders: false, leftovers };

  it("stops scaling and schedules first, deletes the services, then load balancing and groups, then the cluster", () => {
    expect(buildClusterTeardownPlan(one).steps.map((s) => s.operation)).toEqual([
      "DeleteScalingPolicy", "DeregisterScalableTarget", "DeleteSchedule",
      "UpdateService", "DeleteService",
      "DeleteListener", "DeleteTargetGroup", "DeleteLoadBalancer",
      "DescribeNetworkInterfaces", "DeleteSecurityGroup", "DescribeNetworkInterfaces", "DeleteSecurityGroup",
      "DeleteCluster",
    ]);
    const steps = buildClusterTeardownPlan(one).steps;
    expect(steps.find((s) => s.operation === "DeleteListener")!.dependsOn).toEqual(["service0"]);
    expect(new Set(steps.map((s) => s.key)).size).toBe(steps.length);
  });

  it("a kept group is left out of the plan and its hash changes with the choice", () => {
    const kept = buildClusterTeardownPlan({ ...one, choices: { securityGroups: "keep", schedules: "keep" } });
    expect(kept.steps.map((s) => s.operation)).not.toContain("DeleteSecurityGroup");
    expect(kept.steps.map((s) => s.operation)).not.toContain("DeleteSchedule");
    expect(planHash(kept)).not.toBe(planHash(buildClusterTeardownPlan(one)));
    expect(teardownSummary({ ...one, choices: { securityGroups: "keep" } })).toEqual([
      "Auto scaling: 2 resources (listed below)",
      "Schedules: 1 resource (listed below)",
      "Service web (scaled to 0, then deleted)",
      "Load balancing: 3 resources (listed below)",
      "Cluster prod",
    ]);
    // The load balancer kept, its group stays with it: one group goes, not two.
    expect(teardownSummary({ ...one, choices: { loadBalancing: "keep" } })).toContain("Security groups: 1 resource (listed below)");
  });
});
