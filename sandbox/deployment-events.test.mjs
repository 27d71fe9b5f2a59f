import { expect, it } from "vitest";
import { deploymentReason, deploymentStateChangeEvent } from "./deployment-events.mjs";
import { matchesPattern } from "./event-patterns.mjs";

const svc = "arn:aws:ecs:us-east-1:123456789012:service/prod/web";

it("a failed deployment is an ERROR event naming the service in resources", () => {
  const e = deploymentStateChangeEvent("us-east-1", { serviceArn: svc, eventName: "SERVICE_DEPLOYMENT_FAILED", deploymentId: "ecs-svc/1" }, new Date("2026-01-01T00:00:00.123Z"));
  expect(e["detail-type"]).toBe("ECS Deployment State Change");
  expect(e.source).toBe("aws.ecs");
  expect(e.resources).toEqual([svc]);
  expect(e.detail).toEqual({ eventType: "ERROR", eventName: "SERVICE_DEPLOYMENT_FAILED", deploymentId: "ecs-svc/1", updatedAt: "2026-01-01T00:00:00Z", reason: "ECS deployment circuit breaker: task failed to start." });
});

it("reasons follow ECS: rollbacks name the deployment gone back to", () => {
  expect(deploymentReason("SERVICE_DEPLOYMENT_IN_PROGRESS", "ecs-svc/2", { rollbackTo: "ecs-svc/1" })).toBe("ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1.");
  expect(deploymentReason("SERVICE_DEPLOYMENT_COMPLETED", "ecs-svc/2")).toBe("ECS deployment ecs-svc/2 completed.");
  expect(() => deploymentStateChangeEvent("us-east-1", { serviceArn: svc, eventName: "NOPE", deploymentId: "x" })).toThrow();
});

it("a cluster's deployment alert pattern matches by the service ARN's prefix", () => {
  const e = deploymentStateChangeEvent("us-east-1", { serviceArn: svc, eventName: "SERVICE_DEPLOYMENT_FAILED", deploymentId: "ecs-svc/1" });
  const pattern = { source: ["aws.ecs"], "detail-type": ["ECS Deployment State Change"], resources: [{ prefix: "arn:aws:ecs:us-east-1:123456789012:service/prod/" }], detail: { eventName: ["SERVICE_DEPLOYMENT_FAILED"] } };
  expect(matchesPattern(pattern, e)).toBe(true);
  expect(matchesPattern({ ...pattern, resources: [{ prefix: "arn:aws:ecs:us-east-1:123456789012:service/other/" }] }, e)).toBe(false);
});
