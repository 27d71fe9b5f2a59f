import { describe, expect, it } from "vitest";
import { decideLeftovers, goes, managedTags, type LeftoverFacts } from "./leftovers";

const tg = "arn:tg/api-tg";
const lb = "arn:lb/api-alb";
const facts: LeftoverFacts = {
  cluster: "prod",
  services: [{ name: "api", targetGroupArns: [tg], securityGroupIds: ["sg-svc"], family: "api" }],
  otherServices: [],
  targetGroups: [{ arn: tg, name: "api-tg", loadBalancerArns: [lb], managed: true }],
  loadBalancers: [{ arn: lb, name: "api-alb", securityGroups: ["sg-lb"], managed: true, listeners: [{ arn: "arn:listener/1", port: 80, targetGroupArns: [tg] }] }],
  securityGroups: [
    { id: "sg-svc", name: "api-sg", managed: true, referencedBy: [], usedBy: [] },
    { id: "sg-lb", name: "api-alb-sg", managed: true, referencedBy: ["sg-svc"], usedBy: [] },
  ],
  scaling: [{ service: "api", resourceId: "service/prod/api", registered: true, policies: [{ name: "api-cpu", type: "TargetTrackingScaling", alarms: ["TargetTracking-hi"] }, { name: "api-queue-out", type: "StepScaling", alarms: ["portside-prod-api-queue-high"] }] }],
  schedules: [{ name: "nightly", group: "default", family: "api", state: "ENABLED" }],
};

describe("decideLeftovers", () => {
  it("lists what a Portside-made service owns, nothing kept, load balancing in deletion order", () => {
    const l = decideLeftovers(facts);
    expect(l.loadBalancing.map((i) => [i.kind, i.keep])).toEqual([["listener", undefined], ["targetGroup", undefined], ["loadBalancer", undefined]]);
    expect(l.securityGroups.map((i) => [i.id, i.keep])).toEqual([["sg-svc", undefined], ["sg-lb", undefined]]);
    // Target tracking alarms go with their policy (AWS's); a step policy's alarm is Portside's to delete.
    expect(l.autoScaling.map((i) => `${i.kind} ${i.id}`)).toEqual([
      "scalingPolicy api-cpu", "scalingPolicy api-queue-out", "alarm portside-prod-api-queue-high", "scalableTarget service/prod/api",
    ]);
    expect(l.autoScaling[0]!.label).toBe("Scaling policy api-cpu and its CloudWatch alarm");
    expect(l.schedules).toEqual([expect.objectContaining({ id: "nightly", group: "default", label: "Schedule nightly (enabled)" })]);
  });

  it("keeps a load balancer with other listeners, and its security group, naming them shared", () => {
    const other = { arn: "arn:listener/2", port: 8080, targetGroupArns: ["arn:tg/other"] };
    const l = decideLeftovers({ ...facts, loadBalancers: [{ ...facts.loadBalancers[0]!, listeners: [...facts.loadBalancers[0]!.listeners, other] }] });
    expect(l.loadBalancing.find((i) => i.kind === "loadBalancer")!.keep).toBe("shared: other listeners use it");
    expect(l.loadBalancing.filter((i) => i.kind !== "loadBalancer").every((i) => !i.keep)).toBe(true);
  });

  it("keeps a target group and a security group another service uses, and what Portside did not create", () => {
    const l = decideLeftovers({
      ...facts,
      otherServices: [{ name: "web", targetGroupArns: [tg], securityGroupIds: ["sg-svc"], family: "api" }],
      loadBalancers: [{ ...facts.loadBalancers[0]!, managed: false }],
    });
    expect(l.loadBalancing.find((i) => i.kind === "targetGroup")!.keep).toBe("shared: service web uses it");
    // Its listener only forwards to a target group that stays: it stays too.
    expect(l.loadBalancing.some((i) => i.kind === "listener")).toBe(false);
    expect(l.loadBalancing.find((i) => i.kind === "loadBalancer")!.keep).toBe("not created by Portside");
    expect(l.securityGroups.find((i) => i.id === "sg-svc")!.keep).toBe("shared: service web uses it");
    // The load balancer stays, so does its group, which the kept service group names anyway.
    expect(l.securityGroups.find((i) => i.id === "sg-lb")!.keep).toBe("shared: load balancer api-alb uses it, and stays");
    expect(l.schedules[0]!.keep).toBe("shared: runs api, which service web also runs");
  });

  it("keeps a group a network interface elsewhere uses or a group outside the teardown names in its rules", () => {
    const l = decideLeftovers({
      ...facts,
      securityGroups: [
        { id: "sg-svc", name: "api-sg", managed: true, referencedBy: [], usedBy: ["eni-1"] },
        { id: "sg-lb", name: "api-alb-sg", managed: true, referencedBy: ["sg-db"], usedBy: [] },
      ],
    });
    expect(l.securityGroups.map((i) => i.keep)).toEqual(["shared: used by eni-1", "shared: rules of sg-db name it"]);
  });

  it("keeps a group that a kept group's rules name", () => {
    const l = decideLeftovers({ ...facts, otherServices: [{ name: "web", targetGroupArns: [], securityGroupIds: ["sg-svc"], family: "web" }] });
    expect(l.securityGroups.map((i) => i.keep)).toEqual(["shared: service web uses it", "shared: rules of sg-svc name it"]);
    expect(l.loadBalancing.every((i) => !i.keep)).toBe(true);
  });

  it("deletes an owned item unless its group is kept; a shared one never", () => {
    const l = decideLeftovers(facts);
    const item = l.securityGroups[0]!;
    expect(goes(item, "securityGroups", {})).toBe(true);
    expect(goes(item, "securityGroups", { securityGroups: "keep" })).toBe(false);
    expect(goes({ ...item, keep: "shared" }, "securityGroups", { securityGroups: "delete" })).toBe(false);
  });

  it("tags say Portside made it, and for which service", () => {
    expect(managedTags("prod", "api")).toEqual([{ Key: "portside:managed", Value: "true" }, { Key: "portside:service", Value: "prod/api" }]);
  });

  it("event rules aimed at the cluster: Portside's go (only this cluster's targets when others remain), others stay", () => {
    const l = decideLeftovers({
      ...facts,
      otherServices: [{ name: "worker", targetGroupArns: [], securityGroupIds: [], family: "shared" }],
      eventRules: [
        { name: "on-upload", state: "ENABLED", managed: true, family: "ingest", targetIds: ["ecs-run-task"], otherTargets: 0 },
        { name: "fan-out", state: "DISABLED", managed: true, family: "ingest", targetIds: ["t1"], otherTargets: 2 },
        { name: "theirs", state: "ENABLED", managed: false, family: "ingest", targetIds: ["x"], otherTargets: 0 },
        { name: "both", state: "ENABLED", managed: true, family: "shared", targetIds: ["y"], otherTargets: 0 },
      ],
    });
    expect(l.eventRules.map((r) => [r.id, r.kind === "eventRule" && r.whole, r.keep])).toEqual([
      ["on-upload", true, undefined],
      ["fan-out", false, undefined],
      ["theirs", true, "not created by Portside"],
      ["both", true, "shared: runs shared, which service worker also runs"],
    ]);
    expect(l.eventRules[0]!.label).toBe("Event rule on-upload (enabled)");
    expect(l.eventRules[1]!.label).toMatch(/^Target in this cluster of event rule fan-out/);
    expect(decideLeftovers(facts).eventRules).toEqual([]);
  });
});
