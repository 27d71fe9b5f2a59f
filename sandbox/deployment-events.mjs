// "ECS Deployment State Change" events, as ECS sends them to EventBridge for a service
// deployment: SERVICE_DEPLOYMENT_IN_PROGRESS (a deployment or a rollback started),
// SERVICE_DEPLOYMENT_COMPLETED (the service reached a steady state on it) and
// SERVICE_DEPLOYMENT_FAILED (the circuit breaker failed it; eventType ERROR). The runtime agent
// reports each change (EcsAgent.onDeploymentChange); sandbox/events.mjs puts the event on the bus.
// Shapes: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service_deployment_events.html
import { randomUUID } from "node:crypto";
import { SANDBOX_ACCOUNT } from "./faults.mjs";

export const DEPLOYMENT_EVENT_NAMES = ["SERVICE_DEPLOYMENT_IN_PROGRESS", "SERVICE_DEPLOYMENT_COMPLETED", "SERVICE_DEPLOYMENT_FAILED"];

const stamp = (d) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/** The reason ECS gives for each event name (a rollback's IN_PROGRESS names the deployment it goes back to). */
export function deploymentReason(eventName, deploymentId, { rollbackTo, failure } = {}) {
  if (eventName === "SERVICE_DEPLOYMENT_FAILED") return failure ?? "ECS deployment circuit breaker: task failed to start.";
  if (eventName === "SERVICE_DEPLOYMENT_IN_PROGRESS" && rollbackTo) return `ECS deployment circuit breaker: rolling back to deploymentId ${rollbackTo}.`;
  if (eventName === "SERVICE_DEPLOYMENT_IN_PROGRESS") return `ECS deployment ${deploymentId} in progress.`;
  return `ECS deployment ${deploymentId} completed.`;
}

/** The event for one change of a service's deployment. */
export function deploymentStateChangeEvent(region, { serviceArn, eventName, deploymentId, reason }, now = new Date()) {
  if (!DEPLOYMENT_EVENT_NAMES.includes(eventName)) throw new Error(`not a deployment event: ${eventName}`);
  return {
    version: "0",
    id: randomUUID(),
    "detail-type": "ECS Deployment State Change",
    source: "aws.ecs",
    account: SANDBOX_ACCOUNT,
    time: stamp(now),
    region,
    resources: [serviceArn],
    detail: {
      eventType: eventName === "SERVICE_DEPLOYMENT_FAILED" ? "ERROR" : "INFO",
      eventName,
      deploymentId,
      updatedAt: stamp(now),
      reason: reason ?? deploymentReason(eventName, deploymentId),
    },
  };
}
