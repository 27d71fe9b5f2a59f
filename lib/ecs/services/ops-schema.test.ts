import { describe, expect, it } from "vitest";
import { deployServiceSchema, rollbackSchema, scaleServiceSchema, stopTaskSchema } from "./ops-schema";

const target = { connectionId: "c1", region: "us-east-1", cluster: "prod", service: "api" };
const errorOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
  r.error?.issues.find((i) => i.path.join(".") === field)?.message;

describe("scaleServiceSchema", () => {
  it.each([["0", 0], ["5000", 5000], [" 12 ", 12]])("accepts %j", (raw, n) => {
    expect(scaleServiceSchema.parse({ ...target, desiredCount: raw }).desiredCount).toBe(n);
  });
  it.each(["", "-1", "5001", "2.5", "ten"])("refuses %j at the field", (raw) => {
    const r = scaleServiceSchema.safeParse({ ...target, desiredCount: raw });
    expect(r.success).toBe(false);
    expect(errorOf(r, "desiredCount")).toMatch(/whole number|0 to 5000/);
  });
});

describe("deployServiceSchema", () => {
  it("takes an image reference as the task definition wizard does", () => {
    expect(deployServiceSchema.safeParse({ ...target, mode: "image", container: "web", image: "nginx:1.27" }).success).toBe(true);
    expect(deployServiceSchema.safeParse({ ...target, mode: "image", container: "web", image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v2" }).success).toBe(true);
    const bad = deployServiceSchema.safeParse({ ...target, mode: "image", container: "web", image: "not an image!" });
    expect(errorOf(bad, "image")).toMatch(/Use an ECR image/);
    expect(errorOf(deployServiceSchema.safeParse({ ...target, mode: "image", container: "", image: "nginx" }), "container")).toBe("Pick a container.");
  });
  it("or an existing revision as family:revision", () => {
    expect(deployServiceSchema.safeParse({ ...target, mode: "revision", taskDefinition: "api:2" }).success).toBe(true);
    expect(errorOf(deployServiceSchema.safeParse({ ...target, mode: "revision", taskDefinition: "api" }), "taskDefinition")).toMatch(/family:revision/);
  });
});

describe("stopTaskSchema", () => {
  const task = "arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef";
  it("needs a reason of at most 255 characters, as StopTask keeps", () => {
    expect(stopTaskSchema.safeParse({ ...target, task, reason: "x".repeat(255) }).success).toBe(true);
    expect(errorOf(stopTaskSchema.safeParse({ ...target, task, reason: "x".repeat(256) }), "reason")).toMatch(/255/);
    expect(errorOf(stopTaskSchema.safeParse({ ...target, task, reason: "   " }), "reason")).toMatch(/Say why/);
  });
  it("takes a task id or ARN only", () => {
    expect(stopTaskSchema.safeParse({ ...target, task: "0123456789abcdef0123456789abcdef", reason: "r" }).success).toBe(true);
    expect(errorOf(stopTaskSchema.safeParse({ ...target, task: "x y", reason: "r" }), "task")).toBeDefined();
  });
});

describe("rollbackSchema", () => {
  it("refuses rolling back to the revision already running", () => {
    expect(errorOf(rollbackSchema.safeParse({ ...target, fromTaskDefinition: "api:3", toTaskDefinition: "api:3" }), "toTaskDefinition")).toMatch(/already runs/);
    expect(rollbackSchema.safeParse({ ...target, fromTaskDefinition: "api:3", toTaskDefinition: "api:2" }).success).toBe(true);
  });
});
