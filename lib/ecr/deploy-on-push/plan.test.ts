import { describe, expect, it } from "vitest";
import type { TaskDefinitionView } from "@/lib/ecs/task-definitions/view";
import { SERVICE_OPS } from "@/lib/ecs/services/ops-plan";
import { buildPushDeployPlan, containersUsing, usesRepository, type RuleSummary } from "./plan";

const REPO = "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web";
const rule: RuleSummary = { id: "r1", connectionId: "c1", region: "us-east-1", cluster: "prod", service: "web", repository: "team/web", tagPattern: "v*", mode: "auto" };

const definition: TaskDefinitionView = {
  taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
  family: "web",
  revision: 3,
  status: "ACTIVE",
  cpu: "256",
  memory: "512",
  containerDefinitions: [
    { name: "app", image: `${REPO}:v1.0.0`, essential: true },
    { name: "worker", image: `${REPO}@sha256:${"a".repeat(64)}`, essential: true },
    { name: "proxy", image: `${REPO}-proxy:v1`, essential: false },
  ],
};

describe("usesRepository", () => {
  it("by tag, by digest, not a repository whose name only starts the same", () => {
    expect(usesRepository(`${REPO}:v1`, REPO)).toBe(true);
    expect(usesRepository(`${REPO}@sha256:abc`, REPO)).toBe(true);
    expect(usesRepository(`${REPO}-proxy:v1`, REPO)).toBe(false);
    expect(containersUsing(definition, REPO)).toEqual(["app", "worker"]);
  });
});

describe("buildPushDeployPlan", () => {
  const plan = buildPushDeployPlan(rule, { taskDefinition: "web:3", definition }, { repositoryUri: REPO, tag: "v1.2.0" });

  it("is the service's deploy-new-image plan with the pushed tag in every container of the repository", () => {
    expect(plan.wizard).toBe(SERVICE_OPS.deploy);
    expect(plan.steps.map((s) => s.operation)).toEqual(["RegisterTaskDefinition", "UpdateService"]);
    const containers = (plan.steps[0]!.input as { containerDefinitions: { name: string; image: string }[] }).containerDefinitions;
    expect(Object.fromEntries(containers.map((c) => [c.name, c.image]))).toEqual({ app: `${REPO}:v1.2.0`, worker: `${REPO}:v1.2.0`, proxy: `${REPO}-proxy:v1` });
    expect(plan.steps[1]!.input).toMatchObject({ cluster: "prod", service: "web", taskDefinition: { $ref: "register.taskDefinitionArn" } });
  });

  it("names the rule as the reason and the repository among its resources", () => {
    expect(plan.title).toContain("Deploy on push (auto): v1.2.0 pushed to team/web matches rule v*");
    expect(plan.resources).toContain("ecs:service/prod/web");
    expect(plan.resources).toContain("ecr:repository/team/web");
  });

  it("refuses a service none of whose containers uses the repository", () => {
    expect(() => buildPushDeployPlan(rule, { taskDefinition: "web:3", definition }, { repositoryUri: `${REPO}2`, tag: "v1" })).toThrow("No container of web:3 uses team/web");
  });
});
