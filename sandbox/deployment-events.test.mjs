import { test } from "node:test";
import assert from "node:assert/strict";
import { deploymentReason, deploymentStateChangeEvent } from "./deployment-events.mjs";
import { matchesPattern } from "./event-patterns.mjs";

const svc = "arn:aws:ecs:us-east-1:123456789012:service/prod/web";

test("a failed deployment is an ERROR event naming the service in resources", () => {
  const e = deploymentStateChangeEvent("us-east-1", { serviceArn: svc, eventName: "SERVICE_DEPLOYMENT_FAILED", deploymentId: "ecs-svc/1" }, new Date("2026-01-01T00:00:00.123Z"));
  assert.equal(e["detail-type"], "ECS Deployment State Change");
  assert.equal(e.source, "aws.ecs");
  assert.deepEqual(e.resources, [svc]);
  assert.deepEqual(e.detail, { eventType: "ERROR", eventName: "SERVICE_DEPLOYMENT_FAILED", deploymentId: "ecs-svc/1", updatedAt: "2026-01-01T00:00:00Z", reason: "ECS deployment circuit breaker: task failed to start." });
});

test("reasons follow ECS: rollbacks name the deployment gone back to", () => {
  assert.equal(deploymentReason("SERVICE_DEPLOYMENT_IN_PROGRESS", "ecs-svc/2", { rollbackTo: "ecs-svc/1" }), "ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1.");
  assert.equal(deploymentReason("SERVICE_DEPLOYMENT_COMPLETED", "ecs-svc/2"), "ECS deployment ecs-svc/2 completed.");
  assert.throws(() => deploymentStateChangeEvent("us-east-1", { serviceArn: svc, eventName: "NOPE", deploymentId: "x" }));
});

test("a cluster's deployment alert pattern matches by the service ARN's prefix", () => {
  const e = deploymentStateChangeEvent("us-east-1", { serviceArn: svc, eventName: "SERVICE_DEPLOYMENT_FAILED", deploymentId: "ecs-svc/1" });
  const pattern = { source: ["aws.ecs"], "detail-type": ["ECS Deployment State Change"], resources: [{ prefix: "arn:aws:ecs:us-east-1:123456789012:service/prod/" }], detail: { eventName: ["SERVICE_DEPLOYMENT_FAILED"] } };
  assert.equal(matchesPattern(pattern, e), true);
  assert.equal(matchesPattern({ ...pattern, resources: [{ prefix: "arn:aws:ecs:us-east-1:123456789012:service/other/" }] }, e), false);
});
