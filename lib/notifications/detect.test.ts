import { describe, expect, it } from "vitest";
import { detectServiceEvents, type ServiceSeen } from "./detect";

const now = new Date("2026-12-07T02:00:00Z");
const base: ServiceSeen = {
  connectionId: "c1", connectionName: "Sandbox", region: "us-east-1", cluster: "prod", service: "web", desired: 2,
  deployments: [{ id: "ecs-svc/1", status: "PRIMARY", taskDefinition: "web:3", rolloutState: "COMPLETED", rolloutStateReason: "ECS deployment ecs-svc/1 completed." }],
  tasks: [], scaling: null, events: [],
};
const types = (s: ServiceSeen) => detectServiceEvents(s, now).map((e) => e.type);

describe("service events from the live view", () => {
  it("a steady service says nothing", () => expect(types(base)).toEqual([]));

  it("a circuit-breaker rollback: the failed deployment and the rollback, each once by its deployment id", () => {
    const seen = { ...base, deployments: [
      { id: "ecs-svc/3", status: "PRIMARY", taskDefinition: "web:3", rolloutState: "IN_PROGRESS", rolloutStateReason: "ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1." },
      { id: "ecs-svc/2", status: "ACTIVE", taskDefinition: "web:4", rolloutState: "FAILED", rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start." },
    ] };
    const events = detectServiceEvents(seen, now);
    expect(events.map((e) => e.type)).toEqual(["service.deployment.failed", "service.deployment.rolled_back"]);
    expect(events[1]!.key).toBe("service.deployment.rolled_back|c1|us-east-1|prod|web|ecs-svc/2");
    expect(events[1]!.title).toBe("web: rolled back to web:3");
    expect(detectServiceEvents(seen, new Date(now.getTime() + 3_600_000)).map((e) => e.key)).toEqual(events.map((e) => e.key));

    // After the rollback completed only the service's events remain: same keys, so told once.
    const at = new Date(now.getTime() - 60_000).toISOString();
    const later = { ...base, events: [
      { id: "e2", at, message: "(service web) (deployment ecs-svc/2) rolling back to deployment ecs-svc/1 (web:3)." },
      { id: "e1", at, message: "(service web) (deployment ecs-svc/2) deployment failed: tasks failed to start." },
    ] };
    expect(detectServiceEvents(later, now).map((e) => e.key).sort()).toEqual(events.map((e) => e.key).sort());
    expect(detectServiceEvents(later, now).find((e) => e.type.endsWith("rolled_back"))!.title).toBe("web: rolled back to web:3");
    // Old events are history: a new subscription does not replay them.
    expect(detectServiceEvents(later, new Date(now.getTime() + 3_600_000))).toEqual([]);
  });

  it("a crash loop needs 3 non-zero exits within 10 minutes, and keeps one key per window", () => {
    const stopped = (id: string, minutesAgo: number, exitCode?: number) => ({ id, lastStatus: "STOPPED", exitCode, stoppedAt: new Date(now.getTime() - minutesAgo * 60_000).toISOString() });
    expect(types({ ...base, tasks: [stopped("a", 1, 1), stopped("b", 2, 1), stopped("c", 3, 0)] })).toEqual([]);
    expect(types({ ...base, tasks: [stopped("a", 1, 1), stopped("b", 2, 137), stopped("c", 30, 1)] })).toEqual([]);
    expect(types({ ...base, tasks: [stopped("a", 1, 1), stopped("b", 2, 137), stopped("c", 3, 1), stopped("d", 1)] })).toEqual(["service.tasks.crash_loop"]);
  });

  it("the scaling limit: desired at the scalable target's max", () => {
    expect(types({ ...base, desired: 4, scaling: { min: 1, max: 4 } })).toEqual(["service.scaling.limit_reached"]);
    expect(types({ ...base, desired: 3, scaling: { min: 1, max: 4 } })).toEqual([]);
  });
});
