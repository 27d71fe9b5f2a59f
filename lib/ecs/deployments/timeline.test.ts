import { describe, expect, it } from "vitest";
import { changesBetween, strategyLabel, toTimeline } from "./timeline";

const rev = (arn: string, td: string, image: string, rule?: string) => ({
  serviceRevisionArn: arn,
  taskDefinition: `arn:aws:ecs:us-east-1:123456789012:task-definition/${td}`,
  containerImages: [{ containerName: "web", image }],
  loadBalancers: rule ? [{ targetGroupArn: "tg", advancedConfiguration: { productionListenerRule: rule } }] : [],
});

describe("toTimeline", () => {
  it("joins each deployment with its revisions, newest first, with what changed and why it rolled back", () => {
    const entries = toTimeline(
      [
        {
          serviceDeploymentArn: "arn:aws:ecs:us-east-1:123456789012:service-deployment/c/web/first", status: "SUCCESSFUL", createdAt: new Date("2026-12-01T10:00:00Z"),
          targetServiceRevision: { arn: "r1", requestedTaskCount: 2, runningTaskCount: 2 },
        },
        {
          serviceDeploymentArn: "arn:aws:ecs:us-east-1:123456789012:service-deployment/c/web/second", status: "ROLLBACK_SUCCESSFUL", createdAt: new Date("2026-12-02T10:00:00Z"),
          targetServiceRevision: { arn: "r2" }, sourceServiceRevisions: [{ arn: "r1" }],
          deploymentConfiguration: { strategy: "CANARY", bakeTimeInMinutes: 0, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 } },
          rollback: { reason: "Circuit breaker: tasks failed to start.", serviceRevisionArn: "r1", startedAt: new Date("2026-12-02T10:05:00Z") },
        },
        {
          serviceDeploymentArn: "arn:aws:ecs:us-east-1:123456789012:service-deployment/c/web/third", status: "IN_PROGRESS", lifecycleStage: "PRODUCTION_TRAFFIC_SHIFT", createdAt: "2026-12-03T10:00:00Z",
          targetServiceRevision: { arn: "r3", requestedProductionTrafficWeight: 10, requestedTaskCount: 2, runningTaskCount: 2 }, sourceServiceRevisions: [{ arn: "r1", requestedProductionTrafficWeight: 90 }],
          deploymentConfiguration: { strategy: "LINEAR", linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 2 } },
        },
      ],
      [rev("r1", "web:1", "httpd:2.4"), rev("r2", "web:2", "httpd:crash"), rev("r3", "web:3", "httpd:2.4.62", "rule-arn")],
    );
    expect(entries.map((e) => e.id)).toEqual(["third", "second", "first"]);
    expect(entries[0]).toMatchObject({ inProgress: true, stage: "PRODUCTION_TRAFFIC_SHIFT", productionRule: "rule-arn", strategyLabel: "Linear 10 % every 2 min, bake 0 min" });
    expect(entries[0]!.target).toMatchObject({ taskDefinition: "web:3", weight: 10, running: 2, requested: 2 });
    expect(entries[0]!.changes).toEqual(["web:1 → web:3", "web: httpd:2.4 → httpd:2.4.62"]);
    expect(entries[1]!.rollback).toEqual({ reason: "Circuit breaker: tasks failed to start.", at: "2026-12-02T10:05:00.000Z", toTaskDefinition: "web:1" });
    expect(entries[1]!.inProgress).toBe(false);
    expect(entries[2]!.changes).toEqual(["First deployment: web:1"]);
  });
});

it("strategyLabel says each strategy with its numbers", () => {
  expect(strategyLabel(undefined)).toBe("Rolling update");
  expect(strategyLabel({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 5 })).toBe("Blue/green, bake 5 min");
  expect(strategyLabel({ strategy: "CANARY", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 } })).toBe("Canary 10 % then the rest after 1 min, bake 0 min");
});

it("changesBetween: a forced deployment keeps the revision", () => {
  const v = { arn: "a", taskDefinition: "web:1", taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1", images: [], requested: 1, running: 1, pending: 0 };
  expect(changesBetween(v, v)).toEqual(["web:1, tasks replaced"]);
});
