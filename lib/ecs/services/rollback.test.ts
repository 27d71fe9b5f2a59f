import { describe, expect, it } from "vitest";
import { deployServiceSchema, rollbackSchema, scaleServiceSchema } from "@/lib/ecs/services/ops-schema";
import { buildDeployPlan, buildRollbackPlan, buildScalePlan } from "./ops-plan";
import { rollbackCandidates } from "./rollback";

const target = { connectionId: "c1", region: "us-east-1", cluster: "prod", service: "api" };
const created = {
  id: "r1", title: "Create ECS service api in prod", createdAt: "2026-11-20T10:00:00Z",
  plan: { steps: [{ key: "service", service: "ecs", operation: "CreateService", input: { cluster: "prod", serviceName: "api", taskDefinition: "api:1" } }] },
};
const deploy2 = { id: "r2", title: "Deploy api:2 to api (from api:1)", createdAt: "2026-11-21T10:00:00Z",
  plan: buildDeployPlan(deployServiceSchema.parse({ ...target, mode: "revision", taskDefinition: "api:2" }), { taskDefinition: "api:1" }) };
const deploy3 = { id: "r3", title: "Deploy api:3", createdAt: "2026-11-22T10:00:00Z",
  plan: buildDeployPlan(deployServiceSchema.parse({ ...target, mode: "revision", taskDefinition: "api:3" }), { taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/api:2" }) };
const scale = { id: "r4", title: "Set api to 3 tasks", createdAt: "2026-11-22T11:00:00Z", plan: buildScalePlan(scaleServiceSchema.parse({ ...target, desiredCount: 3 }), { desired: 1 }) };

describe("rollbackCandidates", () => {
  it("lists the revisions that ran before each recorded change, newest first, without the running one", () => {
    const list = rollbackCandidates({ cluster: "prod", service: "api", current: "api:3", runs: [created, deploy2, deploy3, scale], deployments: [] });
    expect(list.map((c) => c.taskDefinition)).toEqual(["api:2", "api:1"]);
    expect(list[0]!.source).toBe('before "Deploy api:3"');
  });

  it("puts a deployment being replaced first", () => {
    const list = rollbackCandidates({
      cluster: "prod", service: "api", current: "api:3", runs: [deploy2],
      deployments: [{ status: "PRIMARY", taskDefinition: "api:3" }, { status: "ACTIVE", taskDefinition: "api:2" }],
    });
    expect(list.map((c) => c.taskDefinition)).toEqual(["api:2", "api:1"]);
    expect(list[0]!.source).toMatch(/ACTIVE deployment/);
  });

  it("ignores other services and changes that kept the revision (scale, force)", () => {
    const other = { ...deploy2, plan: buildRollbackPlan(rollbackSchema.parse({ ...target, service: "worker", fromTaskDefinition: "w:2", toTaskDefinition: "w:1" })) };
    expect(rollbackCandidates({ cluster: "prod", service: "api", current: "api:3", runs: [other, scale], deployments: [] })).toEqual([]);
  });

  it("a rollback's own run offers the way forward again", () => {
    const back = { id: "r5", title: "Roll back", createdAt: "2026-11-22T12:00:00Z", plan: buildRollbackPlan(rollbackSchema.parse({ ...target, fromTaskDefinition: "api:3", toTaskDefinition: "api:2" })) };
    expect(rollbackCandidates({ cluster: "prod", service: "api", current: "api:2", runs: [deploy3, back], deployments: [] }).map((c) => c.taskDefinition)).toEqual(["api:3"]);
  });
});
