import { describe, expect, it } from "vitest";
import { buildRegisterTaskDefinitionPlan } from "@/lib/ecs/task-definitions/plan";
import { createTaskDefinitionSchema } from "@/lib/ecs/task-definitions/schema";
import { carriedFields, carriedNames, withCarriedFields } from "./carry-over";
import { formFromRevision } from "./form-values";
import type { TaskDefinitionView } from "./view";

const base: TaskDefinitionView = {
  taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:4",
  family: "web",
  revision: 4,
  status: "ACTIVE",
  requiresCompatibilities: ["FARGATE"],
  networkMode: "awsvpc",
  cpu: "512",
  memory: "1024",
  volumes: [{ name: "scratch" }],
  ephemeralStorage: { sizeInGiB: 30 },
  registeredAt: "2026-11-01T00:00:00Z",
  containerDefinitions: [
    {
      name: "app",
      image: "public.ecr.aws/nginx/nginx:1.27",
      essential: true,
      memory: 512,
      portMappings: [{ containerPort: 80, protocol: "tcp" }],
      command: ["nginx", "-g", "daemon off;"],
      mountPoints: [{ sourceVolume: "scratch", containerPath: "/scratch" }],
      ulimits: [],
    },
    { name: "sidecar", image: "busybox", essential: false, memory: 64, entryPoint: ["sh"] },
  ],
};

describe("carry-over of unedited settings", () => {
  it("collects the task and container settings the wizard does not edit", () => {
    const carried = carriedFields(base);
    expect(carried).toEqual({
      task: { volumes: [{ name: "scratch" }], ephemeralStorage: { sizeInGiB: 30 } },
      containers: { app: { command: ["nginx", "-g", "daemon off;"], mountPoints: [{ sourceVolume: "scratch", containerPath: "/scratch" }] }, sidecar: { entryPoint: ["sh"] } },
    });
    expect(carriedNames(carried)).toEqual(["volumes", "ephemeralStorage", "app.command", "app.mountPoints", "sidecar.entryPoint"]);
  });

  it("a new revision changes only what was edited: the rest is sent again as it was", () => {
    const { values } = formFromRevision(base);
    values.containers[0]!.image = "public.ecr.aws/nginx/nginx:1.28";
    values.containers[1]!.name = "helper";
    const input = createTaskDefinitionSchema.parse({ connectionId: "c", region: "us-east-1", ...values, baseRevision: "web:4" });
    const plan = buildRegisterTaskDefinitionPlan(input, { existingLogGroups: ["/ecs/web"], carried: carriedFields(base) });
    const request = plan.steps.find((s) => s.operation === "RegisterTaskDefinition")!.input as Record<string, unknown> & { containerDefinitions: Record<string, unknown>[] };
    expect(request).toMatchObject({ family: "web", cpu: "512", volumes: [{ name: "scratch" }], ephemeralStorage: { sizeInGiB: 30 } });
    expect(request.containerDefinitions[0]).toMatchObject({ name: "app", image: "public.ecr.aws/nginx/nginx:1.28", command: ["nginx", "-g", "daemon off;"], mountPoints: [{ sourceVolume: "scratch", containerPath: "/scratch" }] });
    // Renamed: a different container as far as the revision goes, so it starts clean.
    expect(request.containerDefinitions[1]).not.toHaveProperty("entryPoint");
    expect(request).not.toHaveProperty("registeredAt");
  });

  it("what the wizard sets wins over a carried value", () => {
    const out = withCarriedFields({ family: "web", containerDefinitions: [{ name: "app", image: "new" }] }, { task: { family: "old" }, containers: { app: { image: "old", command: ["x"] } } });
    expect(out).toEqual({ family: "web", containerDefinitions: [{ name: "app", image: "new", command: ["x"] }] });
  });
});

describe("task definition tags", () => {
  it("a new revision starts with the base revision's tags and registers with them", () => {
    const { values } = formFromRevision({ ...base, tags: [{ key: "team", value: "web" }, { key: "aws:ecs:managed", value: "x" }] });
    expect(values.tags).toEqual([{ key: "team", value: "web" }]);
    const input = createTaskDefinitionSchema.parse({ connectionId: "c", region: "us-east-1", ...values });
    const plan = buildRegisterTaskDefinitionPlan(input, { existingLogGroups: ["/ecs/web"] });
    expect(plan.steps.find((s) => s.operation === "RegisterTaskDefinition")!.input.tags).toEqual([{ key: "team", value: "web" }]);
  });
});
