import { describe, expect, it } from "vitest";
import { leftoverSteps, securityGroupOrder } from "./leftover-steps";
import { noLeftovers, type LeftoverItem, type Leftovers } from "./leftovers";

const leftovers: Leftovers = {
  loadBalancing: [
    { kind: "listener", id: "arn:listener/1", label: "Listener :80 of api-alb", loadBalancerArn: "arn:lb" },
    { kind: "targetGroup", id: "arn:tg", label: "Target group api-tg" },
    { kind: "loadBalancer", id: "arn:lb", label: "Load balancer api-alb" },
  ],
  securityGroups: [
    { kind: "securityGroup", id: "sg-lb", label: "Security group api-alb-sg (sg-lb)", loadBalancerArns: ["arn:lb"], referencedBy: ["sg-svc"] },
    { kind: "securityGroup", id: "sg-svc", label: "Security group api-sg (sg-svc)", loadBalancerArns: [], referencedBy: [] },
  ],
  autoScaling: [
    { kind: "scalingPolicy", id: "api-cpu", label: "Scaling policy api-cpu", resourceId: "service/prod/api" },
    { kind: "alarm", id: "a-high", label: "CloudWatch alarm a-high" },
    { kind: "scalableTarget", id: "service/prod/api", label: "Scalable target of api" },
  ],
  schedules: [{ kind: "schedule", id: "nightly", label: "Schedule nightly", group: "default" }],
  eventRules: [],
};

describe("leftoverSteps", () => {
  it("removes scaling and schedules before the services, then listener, target group, load balancer (waited for) and groups", () => {
    const { before, after } = leftoverSteps(leftovers, {});
    expect(before.map((s) => s.operation)).toEqual(["DeleteScalingPolicy", "DeleteAlarms", "DeregisterScalableTarget", "DeleteSchedule"]);
    expect(before[0]!.input).toEqual({ PolicyName: "api-cpu", ServiceNamespace: "ecs", ResourceId: "service/prod/api", ScalableDimension: "ecs:service:DesiredCount" });
    expect(before[3]!.input).toEqual({ Name: "nightly", GroupName: "default" });
    const what = (i: Record<string, unknown>) => i.ListenerArn ?? i.TargetGroupArn ?? i.LoadBalancerArn ?? i.GroupId ?? "read";
    expect(after.map((s) => `${s.operation} ${String(what(s.input))}`)).toEqual([
      "DeleteListener arn:listener/1",
      "DeleteTargetGroup arn:tg",
      "DeleteLoadBalancer arn:lb",
      // The service's group names the load balancer's in its rules, so it goes first.
      "DescribeNetworkInterfaces read",
      "DeleteSecurityGroup sg-svc",
      "DescribeNetworkInterfaces read",
      "DeleteSecurityGroup sg-lb",
    ]);
    expect(after[2]!.waitFor).toMatchObject({ operation: "DescribeLoadBalancers", input: { LoadBalancerArns: ["arn:lb"] }, untilGone: true });
    expect(after[3]!.waitFor).toMatchObject({ operation: "DescribeNetworkInterfaces", path: "NetworkInterfaces.length", success: ["0"] });
    // Each step waits for the one before it.
    expect(after.slice(1).every((s, i) => s.dependsOn?.[0] === after[i]!.key)).toBe(true);
  });

  it("leaves out a kept group, and the load balancer's security group when the load balancer stays", () => {
    const { before, after } = leftoverSteps(leftovers, { autoScaling: "keep", loadBalancing: "keep" });
    expect(before.map((s) => s.operation)).toEqual(["DeleteSchedule"]);
    expect(after.map((s) => s.operation)).toEqual(["DescribeNetworkInterfaces", "DeleteSecurityGroup"]);
    expect(after[1]!.input).toEqual({ GroupId: "sg-svc" });
    expect(leftoverSteps(leftovers, { securityGroups: "keep", schedules: "keep", autoScaling: "keep" }).after.map((s) => s.operation)).toEqual([
      "DeleteListener", "DeleteTargetGroup", "DeleteLoadBalancer",
    ]);
  });

  it("never deletes what is marked to keep (shared)", () => {
    const shared: Leftovers = { ...leftovers, loadBalancing: leftovers.loadBalancing.map((i) => (i.kind === "loadBalancer" ? { ...i, keep: "shared" } : i)) };
    const ops = leftoverSteps(shared, {}).after.map((s) => s.operation);
    expect(ops).not.toContain("DeleteLoadBalancer");
    // The load balancer stays, so its group does too.
    expect(ops.filter((o) => o === "DeleteSecurityGroup")).toHaveLength(1);
  });
});

describe("securityGroupOrder", () => {
  const sg = (id: string, referencedBy: string[]): Extract<LeftoverItem, { kind: "securityGroup" }> => ({ kind: "securityGroup", id, label: id, loadBalancerArns: [], referencedBy });
  it("keeps a group whose referencing group stays, and orders referencing groups first", () => {
    expect(securityGroupOrder([sg("a", ["b"]), sg("b", ["c"]), sg("c", [])], new Set()).map((g) => g.id)).toEqual(["c", "b", "a"]);
    expect(securityGroupOrder([sg("a", ["x"]), sg("b", [])], new Set()).map((g) => g.id)).toEqual(["b"]);
    expect(securityGroupOrder([sg("a", ["a"])], new Set()).map((g) => g.id)).toEqual(["a"]);
  });

  it("removes an event rule's targets in the cluster before the rule; a rule with other targets stays", () => {
    const rules: Leftovers = {
      ...noLeftovers(),
      eventRules: [
        { kind: "eventRule", id: "on-upload", label: "Event rule on-upload", targetIds: ["ecs-run-task"], whole: true },
        { kind: "eventRule", id: "shared", label: "Targets of shared", targetIds: ["a"], whole: false },
        { kind: "eventRule", id: "theirs", label: "Event rule theirs", targetIds: ["b"], whole: true, keep: "not created by Portside" },
      ],
    };
    const { before } = leftoverSteps(rules, {});
    expect(before.map((s) => `${s.operation} ${JSON.stringify(s.input)}`)).toEqual([
      'RemoveTargets {"Rule":"on-upload","EventBusName":"default","Ids":["ecs-run-task"]}',
      'DeleteRule {"Name":"on-upload","EventBusName":"default"}',
      'RemoveTargets {"Rule":"shared","EventBusName":"default","Ids":["a"]}',
    ]);
    expect(leftoverSteps(rules, { eventRules: "keep" }).before).toEqual([]);
  });
});
